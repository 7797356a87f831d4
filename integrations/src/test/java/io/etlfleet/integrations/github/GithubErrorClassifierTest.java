package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GithubErrorClassifierTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private final GithubErrorClassifier classifier =
            new GithubErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60));

    @Test
    void classifiesBadCredentialsAsPermanent() {
        ConnectorException e = classify(401, Headers.of(), "{\"message\":\"Bad credentials\",\"status\":\"401\"}");

        assertThat(e.retriable()).isFalse();
        assertThat(e).hasMessageContaining("bad credentials").hasMessageContaining("/repos/acme/widgets/issues");
    }

    @Test
    void classifiesAnExhaustedPrimaryLimitAsAWaitUntilReset() {
        ConnectorException e = classify(403, Headers.of("x-ratelimit-remaining", "0",
                "x-ratelimit-reset", Long.toString(NOW.getEpochSecond() + 42)), "{\"message\":\"API rate limit exceeded\"}");

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.resetAt()).isEqualTo(NOW.plusSeconds(42)));
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 429})
    void classifiesRetryAfterAsASecondaryLimit(int status) {
        ConnectorException e = classify(status, Headers.of("Retry-After", "7"), "{\"message\":\"secondary rate limit\"}");

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.resetAt()).isEqualTo(NOW.plusSeconds(7)));
    }

    @Test
    void waitsTheDefaultMinuteForA429WithoutHeaders() {
        assertThat(classify(429, Headers.of(), "")).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.resetAt()).isEqualTo(NOW.plusSeconds(60)));
    }

    @Test
    void classifiesAForbiddenWithoutRateLimitSignsAsPermanent() {
        ConnectorException e = classify(403, Headers.of("x-ratelimit-remaining", "4999"),
                "{\"message\":\"Resource not accessible by personal access token\"}");

        assertThat(e).isNotInstanceOf(RetriableConnectorException.class);
        assertThat(e).hasMessageContaining("Resource not accessible");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 422, 400})
    void classifiesOtherClientErrorsAsPermanent(int status) {
        assertThat(classify(status, Headers.of(), "{\"message\":\"nope\"}").retriable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void classifiesServerErrorsAsRetriable(int status) {
        ConnectorException e = classify(status, Headers.of(), "<html>bad gateway</html>");

        assertThat(e).isExactlyInstanceOf(RetriableConnectorException.class);
    }

    @Test
    void classifiesNetworkFailuresAsRetriable() {
        IOException timeout = new SocketTimeoutException("timeout");

        assertThat(classifier.network(timeout, "/repos/acme/widgets/issues")).isExactlyInstanceOf(RetriableConnectorException.class);
    }

    private ConnectorException classify(int status, Headers headers, String body) {
        return classifier.classify(status, headers, body, "/repos/acme/widgets/issues?state=all");
    }
}
