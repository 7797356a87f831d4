package io.etlfleet.queue.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.topology.RetryTier;
import io.etlfleet.queue.topology.TopologySettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final List<RetryTier> tiers = TopologySettings.defaults().retryTiers();

    @Test
    void firstRetryWithoutJitterUsesTheShortestTier() {
        assertThat(backoff(0.5).tierFor(1).name()).isEqualTo("etl.retry.1s");
    }

    @Test
    void delaysGrowExponentiallyWithTheAttempt() {
        // 1 s * 2^3 = 8 s lies between the 5 s and 30 s tiers; the rounding draw decides which.
        assertThat(backoff(0.5, 0.99).tierFor(4).name()).isEqualTo("etl.retry.5s");
        assertThat(backoff(0.5, 0.0).tierFor(4).name()).isEqualTo("etl.retry.30s");
    }

    @Test
    void longDelaysStopAtTheLongestTier() {
        assertThat(backoff(0.99).tierFor(12).name()).isEqualTo("etl.retry.10m");
        assertThat(backoff(0.5).tierFor(Integer.MAX_VALUE).name()).isEqualTo("etl.retry.10m");
    }

    @Test
    void jitterSpreadsOneAttemptOverNeighbouringTiers() {
        RetryBackoff backoff = new RetryBackoff(tiers, () -> ThreadLocalRandom.current().nextDouble());
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            chosen.add(backoff.tierFor(2).name());
        }
        assertThat(chosen).containsExactlyInAnyOrder("etl.retry.1s", "etl.retry.5s");
    }

    @Test
    void roundsTowardsTheCloserTierMoreOften() {
        RetryBackoff backoff = new RetryBackoff(tiers, () -> ThreadLocalRandom.current().nextDouble());
        int towardsThirtySeconds = 0;
        for (int i = 0; i < 2_000; i++) {
            if (backoff.tierFor(5).name().equals("etl.retry.30s")) {
                towardsThirtySeconds++;
            }
        }
        // 16 s is closer to 30 s than to 5 s on a log scale (about 65 %).
        assertThat(towardsThirtySeconds).isBetween(1_000, 1_600);
    }

    @Test
    void aRateLimitWaitUsesTheShortestTierThatCoversIt() {
        assertThat(backoff(0.5).tierForWait(java.time.Duration.ZERO).name()).isEqualTo("etl.retry.1s");
        assertThat(backoff(0.5).tierForWait(java.time.Duration.ofSeconds(1)).name()).isEqualTo("etl.retry.1s");
        assertThat(backoff(0.5).tierForWait(java.time.Duration.ofSeconds(6)).name()).isEqualTo("etl.retry.30s");
    }

    @Test
    void aWaitLongerThanEveryTierUsesTheLongestAndWaitsAgainAfterIt() {
        assertThat(backoff(0.5).tierForWait(java.time.Duration.ofHours(3)).name()).isEqualTo("etl.retry.10m");
    }

    private RetryBackoff backoff(double... draws) {
        int[] next = {0};
        return new RetryBackoff(tiers, () -> draws[Math.min(next[0]++, draws.length - 1)]);
    }
}
