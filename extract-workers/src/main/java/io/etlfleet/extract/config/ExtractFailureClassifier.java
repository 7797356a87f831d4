package io.etlfleet.extract.config;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.queue.consume.Disposition;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.publish.PublishException;
import io.etlfleet.runtime.workers.DatabaseFailures;

/**
 * The connector's own classification decides: retriable failures (network, 5xx, 429) are
 * retried with backoff, permanent ones (bad credentials, 404, bad config) dead-lettered at
 * once. A database outage, or a broker that did not confirm a rate-limited job's deferral, puts
 * the message back without spending an attempt.
 */
final class ExtractFailureClassifier implements FailureClassifier {

    @Override
    public Disposition classify(Throwable failure) {
        if (failure instanceof MalformedMessageException) {
            return Disposition.DEAD_LETTER;
        }
        if (failure instanceof ConnectorException connector) {
            return connector.retriable() ? Disposition.RETRY : Disposition.DEAD_LETTER;
        }
        if (DatabaseFailures.isUnavailable(failure) || failure instanceof PublishException) {
            return Disposition.REQUEUE;
        }
        return Disposition.RETRY;
    }
}
