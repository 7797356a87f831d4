package io.etlfleet.extract.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.queue.consume.Disposition;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.publish.PublishException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ExtractFailureClassifierTest {

    private final ExtractFailureClassifier classifier = new ExtractFailureClassifier();

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
    void requeuesWithoutAnAttemptWhenTheBrokerDidNotConfirmADeferral() {
        assertThat(classifier.classify(new PublishException("no confirm within 5s"))).isEqualTo(Disposition.REQUEUE);
    }

    @Test
    void requeuesWithoutAnAttemptWhenTheDatabaseIsUnreachable() {
        RuntimeException failure = new RuntimeException("commit failed", new SQLException("connection refused", "08001"));

        assertThat(classifier.classify(failure)).isEqualTo(Disposition.REQUEUE);
    }
}
