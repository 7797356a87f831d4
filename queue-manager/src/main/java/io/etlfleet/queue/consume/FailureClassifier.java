package io.etlfleet.queue.consume;

import io.etlfleet.queue.messages.MalformedMessageException;

/**
 * Decides what happens to a delivery whose handler threw. Called on the consumer thread that
 * ran the handler; must be fast and must not throw (if it does, the failure is retried).
 */
@FunctionalInterface
public interface FailureClassifier {

    Disposition classify(Throwable failure);

    /** Dead-letters {@link MalformedMessageException}s, retries everything else. */
    static FailureClassifier retryUnlessMalformed() {
        return failure -> failure instanceof MalformedMessageException ? Disposition.DEAD_LETTER : Disposition.RETRY;
    }
}
