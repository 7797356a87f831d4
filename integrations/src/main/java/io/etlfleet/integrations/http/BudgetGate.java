package io.etlfleet.integrations.http;

import io.etlfleet.integrations.spi.RateLimitBudgets;
import io.etlfleet.integrations.spi.RateLimitBudgets.BudgetKey;
import io.etlfleet.integrations.spi.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared budget of one credential ({@link RateLimitBudgets}), keyed by a fingerprint, never
 * the credential. Every request takes one unit first; the rate-limit headers of every response
 * ({@link RateLimitHeaders}) correct the shared numbers. When the budget is spent, a wait up to
 * {@code maxInlineWait} is slept through here; a longer one is thrown as
 * {@link RateLimitedException}, so the worker defers the job and takes other work instead of
 * sleeping on it.
 *
 * <p>Requests draw on the key's resource (GitHub's {@code core}); a response naming another
 * resource ({@code x-ratelimit-resource}) is recorded under that name.
 */
public final class BudgetGate {

    private static final Logger log = LoggerFactory.getLogger(BudgetGate.class);

    private final RateLimitBudgets budgets;
    private final BudgetKey key;
    private final String name;
    private final HttpPolicy policy;
    private final Duration maxInlineWait;

    /**
     * @param key  the budget requests draw on
     * @param name what the budget is, for messages, e.g. {@code GitHub budget of this token}
     */
    public BudgetGate(RateLimitBudgets budgets, BudgetKey key, String name, HttpPolicy policy, Duration maxInlineWait) {
        this.budgets = budgets;
        this.key = key;
        this.name = name;
        this.policy = policy;
        this.maxInlineWait = maxInlineWait;
    }

    /** Hex SHA-256 of a credential: identifies its budget without revealing it. */
    public static String fingerprint(String credential) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Takes one request from the budget, waiting up to {@code maxInlineWait} for it. */
    public void acquire(String endpoint) {
        for (int waits = 0; ; waits++) {
            Instant now = policy.clock().instant();
            var until = budgets.tryAcquire(key, now);
            if (until.isEmpty()) {
                return;
            }
            Duration wait = Duration.between(now, until.get()).plus(policy.rateLimitMargin());
            if (wait.compareTo(maxInlineWait) > 0 || waits >= policy.maxRateLimitWaits()) {
                throw new RateLimitedException("the shared " + name + " is spent until " + until.get()
                        + " (GET " + endpoint + " not sent)", until.get());
            }
            log.warn("GET {}: the shared {} is spent; waiting {} ms", endpoint, name, wait.toMillis());
            try {
                policy.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RateLimitedException("interrupted while waiting for the " + name, until.get());
            }
        }
    }

    /** Records the response's rate-limit numbers, when it has them. */
    public void observe(Headers headers) {
        RateLimitHeaders.read(headers, policy.clock().instant()).ifPresent(report -> budgets.observe(
                report.resource() == null ? key : new BudgetKey(key.integrationId(), key.credentialFingerprint(),
                        report.resource()), report.snapshot()));
    }

    /** Gives back the unit {@link #acquire} took, for an answer the source does not count. */
    public void refund() {
        budgets.refund(key, policy.clock().instant());
    }

    /** No request on this budget before {@code until}, for any worker: the source asked to back off. */
    public void block(Instant until) {
        budgets.block(key, until);
    }
}
