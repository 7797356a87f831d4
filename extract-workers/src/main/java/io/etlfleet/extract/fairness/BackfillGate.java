package io.etlfleet.extract.fairness;

import io.etlfleet.queue.consume.JobDeferredException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * Puts incremental syncs ahead of backfills inside one worker. Incremental jobs have their own
 * queue and consumers and always start; a backfill job starts only while the worker runs fewer
 * jobs of its type than the type's concurrency, and is deferred otherwise. So backfills fill
 * idle capacity and an incremental sync never waits behind them (running backfills are not
 * interrupted: for a moment a worker may run up to twice its concurrency).
 */
public final class BackfillGate {

    private final ToIntFunction<String> concurrency;
    private final Duration deferDelay;
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    /** @param concurrency the current concurrency of a type */
    public BackfillGate(ToIntFunction<String> concurrency, Duration deferDelay) {
        this.concurrency = concurrency;
        this.deferDelay = deferDelay;
    }

    /**
     * Admits a job of {@code type}; close the returned permit when the job ends.
     *
     * @throws JobDeferredException for a backfill job while the worker is busy
     */
    public Permit enter(String type, boolean backfill) {
        AtomicInteger count = running.computeIfAbsent(type, t -> new AtomicInteger());
        if (!backfill) {
            count.incrementAndGet();
            return count::decrementAndGet;
        }
        int limit = concurrency.applyAsInt(type);
        while (true) {
            int now = count.get();
            if (now >= limit) {
                throw new JobDeferredException("worker runs " + now + " " + type + " job(s), its concurrency; "
                        + "backfills wait for idle capacity", deferDelay);
            }
            if (count.compareAndSet(now, now + 1)) {
                return count::decrementAndGet;
            }
        }
    }

    /** Jobs of a type this gate has admitted and that have not ended. */
    public int running(String type) {
        AtomicInteger count = running.get(type);
        return count == null ? 0 : count.get();
    }

    /** A running job's place; closing it twice is not allowed. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {

        @Override
        void close();
    }
}
