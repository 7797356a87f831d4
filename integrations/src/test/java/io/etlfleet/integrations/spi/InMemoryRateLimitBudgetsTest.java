package io.etlfleet.integrations.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.RateLimitBudgets.BudgetKey;
import io.etlfleet.integrations.spi.RateLimitBudgets.RateLimitSnapshot;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitBudgetsTest {

    private static final BudgetKey KEY = new BudgetKey("integration-1", "abc", "core");
    private final RateLimitBudgets budgets = RateLimitBudgets.inMemory();
    private final Instant now = Instant.parse("2024-01-01T00:00:00Z");
    private final Instant reset = now.plusSeconds(3600);

    @Test
    void letsAnUnknownCredentialGoAheadAndStopsAtZeroUntilTheReset() {
        assertThat(budgets.tryAcquire(KEY, now)).isEmpty();
        budgets.observe(KEY, new RateLimitSnapshot(5000, 2, 4998, reset));

        assertThat(budgets.tryAcquire(KEY, now)).isEmpty();
        assertThat(budgets.tryAcquire(KEY, now)).isEmpty();
        assertThat(budgets.tryAcquire(KEY, now)).contains(reset);
        assertThat(budgets.tryAcquire(KEY, reset)).isEmpty();
    }

    @Test
    void aReportOfTheKnownWindowNeverRaisesTheCountButALaterWindowDoes() {
        budgets.observe(KEY, new RateLimitSnapshot(5000, 10, 4990, reset));
        budgets.observe(KEY, new RateLimitSnapshot(5000, 50, 4950, reset));
        budgets.observe(KEY, new RateLimitSnapshot(5000, 40, 4960, now.plusSeconds(10)));

        assertThat(acquirable()).isEqualTo(10);
        budgets.observe(KEY, new RateLimitSnapshot(5000, 3, 4997, reset.plusSeconds(3600)));
        assertThat(acquirable()).isEqualTo(3);
    }

    @Test
    void aRefundGivesBackARequestAndABlockHoldsEveryoneUntilItEnds() {
        budgets.observe(KEY, new RateLimitSnapshot(5000, 1, 4999, reset));
        budgets.tryAcquire(KEY, now);
        budgets.refund(KEY, now);
        budgets.block(KEY, now.plusSeconds(60));

        assertThat(budgets.tryAcquire(KEY, now.plusSeconds(59))).contains(now.plusSeconds(60));
        assertThat(budgets.tryAcquire(KEY, now.plusSeconds(60))).isEmpty();
    }

    private int acquirable() {
        int taken = 0;
        while (budgets.tryAcquire(KEY, now).isEmpty() && taken < 1000) {
            taken++;
        }
        return taken;
    }
}
