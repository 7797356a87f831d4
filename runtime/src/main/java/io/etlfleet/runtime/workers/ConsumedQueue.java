package io.etlfleet.runtime.workers;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * One queue a worker consumes for an integration type, and how many consumers it gets for
 * the type's concurrency. An extract worker consumes the type's incremental queue with the
 * full concurrency and its backfill queue with a share of it.
 *
 * @param queueForType  the queue of a type, e.g. {@code etl.extract.github}
 * @param consumersFor  consumers on that queue for a concurrency, at least 1
 */
public record ConsumedQueue(Function<String, String> queueForType, IntUnaryOperator consumersFor) {

    public ConsumedQueue {
        Objects.requireNonNull(queueForType, "queueForType");
        Objects.requireNonNull(consumersFor, "consumersFor");
    }

    /** The queue consumed with the type's full concurrency. */
    public static ConsumedQueue withFullConcurrency(Function<String, String> queueForType) {
        return new ConsumedQueue(queueForType, n -> n);
    }

    /** The queue consumed with {@code share} of the type's concurrency, rounded up, at least one consumer. */
    public static ConsumedQueue withShare(Function<String, String> queueForType, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], was " + share);
        }
        return new ConsumedQueue(queueForType, n -> Math.max(1, (int) Math.ceil(n * share)));
    }

    int consumers(int concurrency) {
        return Math.max(1, consumersFor.applyAsInt(concurrency));
    }
}
