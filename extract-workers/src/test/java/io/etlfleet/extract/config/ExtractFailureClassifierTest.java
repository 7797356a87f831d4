package io.etlfleet.extract.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.queue.consume.Disposition;
import io.etlfleet.queue.messages.MalformedMessageException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExtractFailureClassifierTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final ExtractFailureClassifier classifier = new ExtractFailureClassifier(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void retriesRetriableConnectorFailures() {
        assertThat(classifier.classify(new RetriableConnectorException("502 from the source")))
                .isEqualTo(Disposition.RETRY);
    }

    @Test
    void deadLettersPermanentConnectorFailuresAndMalformedMessages() {
        assertThat(classifier.classify(new ConnectorException("401 bad credentials"))).isEqualTo(Disposition.DEAD_LETTER);
        assertThat(classifier.classify(new MalformedMessageException("not json"))).isEqualTo(Disposition.DEAD_LETTER);
    }

    @Test
    void waitsOutARateLimitUntilItResetsWithoutCountingAnAttempt() {
        RateLimitedException limited = new RateLimitedException("403 rate limit", NOW.plusSeconds(90));

        assertThat(classifier.classify(limited)).isEqualTo(Disposition.WAIT);
        assertThat(classifier.waitFor(limited)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void waitsAtLeastASecondForALimitThatAlreadyReset() {
        assertThat(classifier.waitFor(new RateLimitedException("429", NOW.minusSeconds(5)))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void requeuesWithoutAnAttemptWhenTheDatabaseIsUnreachable() {
        RuntimeException failure = new RuntimeException("commit failed", new SQLException("connection refused", "08001"));

        assertThat(classifier.classify(failure)).isEqualTo(Disposition.REQUEUE);
    }
}
