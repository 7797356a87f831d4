package io.etlfleet.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.RateLimitBudgets.RateLimitSnapshot;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void readsGithubsHeadersWithAnEpochSecondsReset() {
        var report = RateLimitHeaders.read(Headers.of("X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "4990",
                "X-RateLimit-Used", "10", "X-RateLimit-Reset", "1714557600", "X-RateLimit-Resource", "Search"), NOW);

        assertThat(report).hasValueSatisfying(r -> {
            assertThat(r.resource()).isEqualTo("search");
            assertThat(r.snapshot()).isEqualTo(new RateLimitSnapshot(5000, 4990, 10, Instant.ofEpochSecond(1714557600)));
        });
    }

    @Test
    void readsASmallResetAsSecondsFromNowAndALargeOneAsEpochMillis() {
        assertThat(RateLimitHeaders.read(Headers.of("X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "30"), NOW))
                .hasValueSatisfying(r -> assertThat(r.snapshot().resetAt()).isEqualTo(NOW.plusSeconds(30)));
        assertThat(RateLimitHeaders.read(Headers.of("X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "1714557600123"), NOW))
                .hasValueSatisfying(r -> assertThat(r.snapshot().resetAt()).isEqualTo(Instant.ofEpochMilli(1714557600123L)));
        assertThat(RateLimitHeaders.read(Headers.of("X-RateLimit-Remaining", "3", "X-RateLimit-Reset", "2024-05-01T10:05Z"), NOW))
                .hasValueSatisfying(r -> assertThat(r.snapshot().resetAt()).isEqualTo(NOW.plusSeconds(300)));
    }

    @Test
    void readsTheIetfDraftHeadersInBothForms() {
        assertThat(RateLimitHeaders.read(Headers.of("RateLimit-Limit", "100", "RateLimit-Remaining", "7",
                "RateLimit-Reset", "20"), NOW)).hasValueSatisfying(r -> assertThat(r.snapshot())
                        .isEqualTo(new RateLimitSnapshot(100, 7, 93, NOW.plusSeconds(20))));
        assertThat(RateLimitHeaders.read(Headers.of("RateLimit", "\"default\";r=7;t=20",
                "RateLimit-Policy", "\"default\";q=100;w=60"), NOW)).hasValueSatisfying(r -> assertThat(r.snapshot())
                        .isEqualTo(new RateLimitSnapshot(100, 7, 93, NOW.plusSeconds(20))));
    }

    @Test
    void reportsNothingWithoutRemainingAndReset() {
        assertThat(RateLimitHeaders.read(Headers.of("X-RateLimit-Limit", "100"), NOW)).isEmpty();
        assertThat(RateLimitHeaders.read(Headers.of("X-RateLimit-Remaining", "x", "X-RateLimit-Reset", "1"), NOW)).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        assertThat(RateLimitHeaders.retryAfter(Headers.of("Retry-After", " 12 "), NOW)).hasValue(NOW.plusSeconds(12));
        assertThat(RateLimitHeaders.retryAfter(Headers.of("Retry-After", "Wed, 01 May 2024 10:02:00 GMT"), NOW))
                .hasValue(NOW.plusSeconds(120));
        assertThat(RateLimitHeaders.retryAfter(Headers.of("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(RateLimitHeaders.retryAfter(Headers.of(), NOW)).isEmpty();
    }
}
