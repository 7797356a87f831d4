package io.etlfleet.integrations.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The request budget a source grants one credential, shared by every worker that uses the
 * credential, so that ten workers do not each spend the same budget. Implemented by the
 * runtime (a PostgreSQL table in the extract workers); {@link #inMemory()} serves one process.
 *
 * <p>Connectors call it from the thread that makes the request, around every request:
 * {@link #tryAcquire} before, {@link #observe} with the source's numbers after, {@link #refund}
 * when the request turned out to cost nothing (a 304), {@link #block} when the source asked to
 * back off (a secondary limit). Calls are short database statements; they never wait for the
 * budget. Implementations must be thread-safe and never see credentials, only
 * {@link BudgetKey#credentialFingerprint() fingerprints}.
 */
public interface RateLimitBudgets {

    /**
     * Takes one request from the budget of {@code key}.
     *
     * @return empty when the request may go ahead (also when nothing is known about the budget
     *         yet), otherwise the instant from which the budget allows requests again
     */
    Optional<Instant> tryAcquire(BudgetKey key, Instant now);

    /** Gives back a request {@link #tryAcquire} took that the source did not count. */
    void refund(BudgetKey key, Instant now);

    /**
     * Records what the source reported in a response. Reports of the window already known
     * only ever lower the remaining count (requests of other workers may be in flight); a
     * report of a later window replaces it.
     */
    void observe(BudgetKey key, RateLimitSnapshot snapshot);

    /** No request with this key before {@code until} (a secondary limit's {@code Retry-After}). */
    void block(BudgetKey key, Instant until);

    /** A process-local budget, for tests and for processes without a shared store. */
    static RateLimitBudgets inMemory() {
        return new InMemoryRateLimitBudgets();
    }

    /**
     * Which budget a request draws on.
     *
     * @param integrationId         the integration making the request (for reporting which budgets it uses)
     * @param credentialFingerprint hex SHA-256 of the credential, never the credential itself
     * @param resource              the source's budget name, e.g. GitHub's {@code core}
     */
    record BudgetKey(String integrationId, String credentialFingerprint, String resource) {
    }

    /**
     * A source's report of a budget, e.g. GitHub's {@code x-ratelimit-*} headers.
     *
     * @param resetAt when the current window ends and the budget is renewed
     */
    record RateLimitSnapshot(long limit, long remaining, long used, Instant resetAt) {
    }
}
