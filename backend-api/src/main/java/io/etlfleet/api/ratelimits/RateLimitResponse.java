package io.etlfleet.api.ratelimits;

import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import java.time.Instant;
import java.util.List;

/** {@code {"budgets":[{"resource","limit","remaining","reset_at"}]}}. */
public record RateLimitResponse(List<Budget> budgets) {

    /**
     * One budget. {@code remaining} is 0 while the source asked to back off (a secondary limit),
     * and {@code resetAt} then says until when.
     */
    public record Budget(String resource, long limit, long remaining, Instant resetAt) {

        static Budget of(RateLimitBudgetRepository.Budget budget) {
            boolean blocked = budget.blockedUntil() != null && budget.blockedUntil().isAfter(Instant.now());
            return new Budget(budget.resource(), budget.limit(), blocked ? 0 : budget.remaining(),
                    blocked && budget.blockedUntil().isAfter(budget.resetAt()) ? budget.blockedUntil() : budget.resetAt());
        }
    }
}
