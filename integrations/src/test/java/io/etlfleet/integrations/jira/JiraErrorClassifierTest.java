package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class JiraErrorClassifierTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private final JiraErrorClassifier classifier = new JiraErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(60));

    private ConnectorException classify(int status, Headers headers, String body) {
        return classifier.classify(status, headers, body, "/rest/api/3/search/jql?jql=x");
    }

    @Test
    void waitsTheRetryAfterSecondsOnA429() {
        ConnectorException e = classify(429, Headers.of("Retry-After", "12"), "");

        assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
                limited -> assertThat(limited.resetAt()).isEqualTo(NOW.plusSeconds(12)));
    }

    @Test
    void fallsBackToTheRateLimitResetTimestampAndThenToTheDefaultWait() {
        ConnectorException reset = classify(429, Headers.of("X-RateLimit-Reset", "2024-05-01T10:05Z"), "");
        ConnectorException bare = classify(429, Headers.of(), "");

        assertThat(((RateLimitedException) reset).resetAt()).isEqualTo(Instant.parse("2024-05-01T10:05:00Z"));
        assertThat(((RateLimitedException) bare).resetAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void classifiesServerErrorsAsRetriableAndAnOverloaded503AsAWait() {
        assertThat(classify(502, Headers.of(), "").retriable()).isTrue();
        assertThat(classify(502, Headers.of(), "")).isNotInstanceOf(RateLimitedException.class);
        assertThat(classify(503, Headers.of("Retry-After", "5"), "")).isInstanceOf(RateLimitedException.class);
        assertThat(classifier.network(new IOException("reset"), "/rest/api/2/search").retriable()).isTrue();
    }

    @Test
    void classifiesAuthenticationNotFoundGoneAndBadJqlAsPermanentWithJirasMessage() {
        String body = "{\"errorMessages\":[\"Error in the JQL Query: Expecting operator\"],\"errors\":{\"jql\":\"bad\"}}";

        assertThat(classify(401, Headers.of(), "").retriable()).isFalse();
        assertThat(classify(403, Headers.of(), "").retriable()).isFalse();
        assertThat(classify(404, Headers.of(), "").retriable()).isFalse();
        assertThat(classify(410, Headers.of(), "").getMessage()).contains("no longer offers");
        assertThat(classify(400, Headers.of(), body)).satisfies(e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("Error in the JQL Query: Expecting operator; jql: bad")
                    .contains("GET /rest/api/3/search/jql");
        });
    }
}
