package io.etlfleet.sample.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void answersEveryRequestOnlyAfterTheConfiguredLatency() {
        try (SampleSource source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(List.of("acme/slow")).issuesPerRepository(3).build())) {
            source.latency(Duration.ofMillis(300));
            long started = System.nanoTime();
            HttpResponse<String> response = SampleHttp.get(source.githubBaseUrl() + "/repos/acme/slow/issues",
                    "Bearer " + SampleSourceOptions.DEFAULT_TOKEN);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void rejectsANegativeLatency() {
        try (SampleSource source = SampleSource.start(SampleSourceOptions.builder().build())) {
            assertThatThrownBy(() -> source.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
