package io.etlfleet.queue.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * One fixed delay of the retry ladder: a fanout exchange and a queue of the same name whose
 * messages all expire after {@link #delay()} and then return to their work queue.
 *
 * <p>The name is derived from the delay ({@code etl.retry.1s}, {@code etl.retry.2m},
 * {@code etl.retry.150ms}), so a queue name always comes with the same TTL and redeclaring
 * a tier can never conflict with an existing one.
 */
public record RetryTier(String name, Duration delay) {

    public RetryTier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(delay, "delay");
    }

    public static RetryTier of(Duration delay) {
        if (delay.isNegative() || delay.isZero() || delay.toMillis() == 0) {
            throw new IllegalArgumentException("retry tier delay must be at least 1 ms, was " + delay);
        }
        return new RetryTier(QueueNames.RETRY_PREFIX + label(delay.toMillis()), Duration.ofMillis(delay.toMillis()));
    }

    public long ttlMillis() {
        return delay.toMillis();
    }

    private static String label(long millis) {
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
