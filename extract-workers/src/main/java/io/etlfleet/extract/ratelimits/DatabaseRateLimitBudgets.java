package io.etlfleet.extract.ratelimits;

import io.etlfleet.integrations.spi.RateLimitBudgets;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The connectors' shared budgets, kept in PostgreSQL so that every worker of the fleet sees the same numbers. */
public final class DatabaseRateLimitBudgets implements RateLimitBudgets {

    private final RateLimitBudgetRepository repository;

    public DatabaseRateLimitBudgets(RateLimitBudgetRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Instant> tryAcquire(BudgetKey key, Instant now) {
        return repository.tryAcquire(key.credentialFingerprint(), key.resource(), now);
    }

    @Override
    public void refund(BudgetKey key, Instant now) {
        repository.refund(key.credentialFingerprint(), key.resource(), now);
    }

    @Override
    public void observe(BudgetKey key, RateLimitSnapshot snapshot) {
        repository.observe(key.credentialFingerprint(), key.resource(), uuid(key.integrationId()), snapshot.limit(),
                snapshot.remaining(), snapshot.used(), snapshot.resetAt());
    }

    @Override
    public void block(BudgetKey key, Instant until) {
        repository.block(key.credentialFingerprint(), key.resource(), until);
    }

    private static UUID uuid(String integrationId) {
        try {
            return UUID.fromString(integrationId);
        } catch (IllegalArgumentException notAnIntegrationOfOurs) {
            return null;
        }
    }
}
