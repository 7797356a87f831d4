package io.etlfleet.queue.consume;

import java.time.Duration;
import java.util.Objects;

/**
 * How one queue is consumed.
 *
 * @param stage           what the consumer does, {@code extract} or {@code transform}; written to dead letters
 * @param workerId        this process, written to dead letters and used in consumer tags
 * @param concurrency     consumers (threads) on the queue; changeable later with {@link JobConsumer#setConcurrency}
 * @param prefetch        unacknowledged messages per consumer; 1 suits long jobs
 * @param maxAttempts     attempts before a retriable failure is dead-lettered, at least 1
 * @param shutdownTimeout how long a stop waits for running handlers before closing their channels
 *                        (their messages are then redelivered)
 * @param requeuePause    how long the consumer thread waits before putting back a message
 *                        classified {@link Disposition#REQUEUE}, so an outage is not a busy loop
 */
public record ConsumerSettings(String stage, String workerId, int concurrency, int prefetch, int maxAttempts,
        Duration shutdownTimeout, Duration requeuePause) {

    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public ConsumerSettings {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(requeuePause, "requeuePause");
        if (concurrency < 1 || prefetch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("concurrency, prefetch and maxAttempts must be at least 1");
        }
        if (shutdownTimeout.isNegative() || requeuePause.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** One consumer, prefetch 1, {@value #DEFAULT_MAX_ATTEMPTS} attempts, 30 s shutdown, 5 s requeue pause. */
    public static ConsumerSettings of(String stage, String workerId) {
        return new ConsumerSettings(stage, workerId, 1, 1, DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    public ConsumerSettings withConcurrency(int value) {
        return new ConsumerSettings(stage, workerId, value, prefetch, maxAttempts, shutdownTimeout, requeuePause);
    }

    public ConsumerSettings withPrefetch(int value) {
        return new ConsumerSettings(stage, workerId, concurrency, value, maxAttempts, shutdownTimeout, requeuePause);
    }

    public ConsumerSettings withMaxAttempts(int value) {
        return new ConsumerSettings(stage, workerId, concurrency, prefetch, value, shutdownTimeout, requeuePause);
    }

    public ConsumerSettings withShutdownTimeout(Duration value) {
        return new ConsumerSettings(stage, workerId, concurrency, prefetch, maxAttempts, value, requeuePause);
    }

    public ConsumerSettings withRequeuePause(Duration value) {
        return new ConsumerSettings(stage, workerId, concurrency, prefetch, maxAttempts, shutdownTimeout, value);
    }
}
