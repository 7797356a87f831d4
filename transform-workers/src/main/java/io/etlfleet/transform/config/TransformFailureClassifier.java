package io.etlfleet.transform.config;

import io.etlfleet.queue.consume.Disposition;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.runtime.workers.DatabaseFailures;
import io.etlfleet.transform.running.UnknownEntityException;

/** Unknown entity types and malformed messages are dead-lettered; a database outage requeues; the rest retries. */
final class TransformFailureClassifier implements FailureClassifier {

    @Override
    public Disposition classify(Throwable failure) {
        if (failure instanceof MalformedMessageException || failure instanceof UnknownEntityException) {
            return Disposition.DEAD_LETTER;
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            return Disposition.REQUEUE;
        }
        return Disposition.RETRY;
    }
}
