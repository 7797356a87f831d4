package io.etlfleet.integrations.spi;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link RateLimitBudgets#inMemory()}: the shared-budget rules for one process. */
final class InMemoryRateLimitBudgets implements RateLimitBudgets {

    private static final class Budget {
        long limit;
        long remaining;
        Instant resetAt;
        Instant blockedUntil;
    }

    private final Map<String, Budget> budgets = new HashMap<>();

    @Override
    public synchronized Optional<Instant> tryAcquire(BudgetKey key, Instant now) {
        Budget budget = budgets.get(id(key));
        if (budget == null) {
            return Optional.empty();
        }
        if (budget.blockedUntil != null && budget.blockedUntil.isAfter(now)) {
            return Optional.of(budget.blockedUntil);
        }
        if (budget.resetAt == null || !budget.resetAt.isAfter(now)) {
            return Optional.empty();
        }
        if (budget.remaining > 0) {
            budget.remaining--;
            return Optional.empty();
        }
        return Optional.of(budget.resetAt);
    }

    @Override
    public synchronized void refund(BudgetKey key, Instant now) {
        Budget budget = budgets.get(id(key));
        if (budget != null && budget.resetAt != null && budget.resetAt.isAfter(now)) {
            budget.remaining = Math.min(budget.limit, budget.remaining + 1);
        }
    }

    @Override
    public synchronized void observe(BudgetKey key, RateLimitSnapshot snapshot) {
        Budget budget = budgets.computeIfAbsent(id(key), k -> new Budget());
        if (budget.resetAt == null || snapshot.resetAt().isAfter(budget.resetAt)) {
            budget.limit = snapshot.limit();
            budget.remaining = snapshot.remaining();
            budget.resetAt = snapshot.resetAt();
        } else if (snapshot.resetAt().equals(budget.resetAt)) {
            budget.limit = snapshot.limit();
            budget.remaining = Math.min(budget.remaining, snapshot.remaining());
        }
    }

    @Override
    public synchronized void block(BudgetKey key, Instant until) {
        Budget budget = budgets.computeIfAbsent(id(key), k -> new Budget());
        if (budget.blockedUntil == null || until.isAfter(budget.blockedUntil)) {
            budget.blockedUntil = until;
        }
    }

    private static String id(BudgetKey key) {
        return key.credentialFingerprint() + "/" + key.resource();
    }
}
