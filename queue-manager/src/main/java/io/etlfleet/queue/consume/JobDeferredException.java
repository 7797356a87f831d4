package io.etlfleet.queue.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a {@link JobHandler} that will not run a job now but has not failed it, e.g.
 * because its integration already runs its share of jobs. The consumer sends the message
 * through the longest retry tier not beyond {@link #delay()} (the shortest if none) back to its queue and
 * acknowledges it, without counting an attempt and without consulting the classifier.
 */
public class JobDeferredException extends RuntimeException {

    private final Duration delay;

    public JobDeferredException(String reason, Duration delay) {
        super(reason, null, false, false);
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    public Duration delay() {
        return delay;
    }
}
