package io.etlfleet.queue.consume;

import io.etlfleet.queue.messages.MalformedMessageException;
import java.time.Duration;

/**
 * Decides what happens to a delivery whose handler threw. Called on the consumer thread that
 * ran the handler; must be fast and must not throw (if it does, the failure is retried).
 */
@FunctionalInterface
public interface FailureClassifier {

    Disposition classify(Throwable failure);

    /**
     * For a failure classified {@link Disposition#WAIT}: how long the source asked to wait.
     * The message comes back after the shortest retry tier at least this long (or the longest
     * tier, and then waits again). By default the shortest tier.
     */
    default Duration waitFor(Throwable failure) {
        return Duration.ZERO;
    }

    /** Dead-letters {@link MalformedMessageException}s, retries everything else. */
    static FailureClassifier retryUnlessMalformed() {
        return failure -> failure instanceof MalformedMessageException ? Disposition.DEAD_LETTER : Disposition.RETRY;
    }
}
