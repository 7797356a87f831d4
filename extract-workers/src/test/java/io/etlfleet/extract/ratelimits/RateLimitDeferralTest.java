package io.etlfleet.extract.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.topology.TopologySettings;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitDeferralTest {

    private final RateLimitDeferral deferral = new RateLimitDeferral(null, TopologySettings.defaults().retryTiers(),
            new JobMessageCodec(), Clock.systemUTC());

    @Test
    void choosesTheLongestTierThatDoesNotPassTheReset() {
        assertThat(deferral.tierFor(Duration.ofMinutes(45)).delay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(deferral.tierFor(Duration.ofSeconds(61)).delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(deferral.tierFor(Duration.ofSeconds(5)).delay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void choosesTheShortestTierForAResetThatIsNearOrPast() {
        assertThat(deferral.tierFor(Duration.ofMillis(300)).delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(deferral.tierFor(Duration.ofSeconds(-3)).delay()).isEqualTo(Duration.ofSeconds(1));
    }
}
