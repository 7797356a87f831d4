package io.etlfleet.extract.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.queue.consume.JobDeferredException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class BackfillGateTest {

    private final Map<String, Integer> concurrency = new ConcurrentHashMap<>(Map.of("github", 2));
    private final BackfillGate gate = new BackfillGate(concurrency::get, Duration.ofSeconds(3));

    @Test
    void backfillsUseIdleCapacityAndAreDeferredWhenTheWorkerIsBusy() {
        BackfillGate.Permit first = gate.enter("github", true);
        gate.enter("github", true);

        assertThatThrownBy(() -> gate.enter("github", true))
                .isInstanceOfSatisfying(JobDeferredException.class,
                        e -> assertThat(e.delay()).isEqualTo(Duration.ofSeconds(3)));
        first.close();
        assertThat(gate.enter("github", true)).isNotNull();
    }

    @Test
    void incrementalJobsAlwaysStartAndHoldBackTheNextBackfill() {
        gate.enter("github", false);
        gate.enter("github", false);
        gate.enter("github", false);

        assertThat(gate.running("github")).isEqualTo(3);
        assertThatThrownBy(() -> gate.enter("github", true)).isInstanceOf(JobDeferredException.class);
        assertThat(gate.running("github")).isEqualTo(3);
    }

    @Test
    void followsTheCurrentConcurrencyOfTheType() {
        gate.enter("github", true);
        gate.enter("github", true);
        concurrency.put("github", 3);

        assertThat(gate.enter("github", true)).isNotNull();
        assertThat(gate.running("github")).isEqualTo(3);
        assertThat(gate.running("jira")).isZero();
    }
}
