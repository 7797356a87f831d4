package io.etlfleet.queue.consume;

import io.etlfleet.queue.topology.RetryTier;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Chooses the retry tier after a failed attempt: exponential backoff with jitter, mapped onto
 * the fixed tiers (the broker can only delay by a queue's TTL).
 *
 * <p>The wanted delay is {@code base * 2^(failedAttempts - 1)}, with the first tier as base,
 * scaled by a random factor in [0.75, 1.25]. It is then rounded at random to one of the two
 * tiers around it, with a probability that grows with its closeness on a log scale, so that on
 * average the delay is what was wanted and jobs that failed together come back spread out.
 * Delays beyond the last tier use the last tier. Thread-safe.
 */
final class RetryBackoff {

    private static final double JITTER = 0.25;

    private final List<RetryTier> tiers;
    private final DoubleSupplier random;

    RetryBackoff(List<RetryTier> tiers) {
        this(tiers, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    RetryBackoff(List<RetryTier> tiers, DoubleSupplier random) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one retry tier is required");
        }
        this.tiers = List.copyOf(tiers);
        this.random = random;
    }

    /** The shortest tier at least {@code wait} long, or the longest tier. */
    RetryTier tierForWait(java.time.Duration wait) {
        for (RetryTier tier : tiers) {
            if (tier.delay().compareTo(wait) >= 0) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    /** @param failedAttempts attempts that have failed so far, at least 1 */
    RetryTier tierFor(int failedAttempts) {
        double base = tiers.get(0).ttlMillis();
        double wanted = base * Math.pow(2, Math.min(Math.max(failedAttempts, 1) - 1, 40));
        double delay = wanted * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        if (delay <= base) {
            return tiers.get(0);
        }
        for (int i = 0; i + 1 < tiers.size(); i++) {
            double lower = tiers.get(i).ttlMillis();
            double upper = tiers.get(i + 1).ttlMillis();
            if (delay < upper) {
                double closenessToUpper = Math.log(delay / lower) / Math.log(upper / lower);
                return random.getAsDouble() < closenessToUpper ? tiers.get(i + 1) : tiers.get(i);
            }
        }
        return tiers.get(tiers.size() - 1);
    }
}
