package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.RateLimitBudgets;
import io.etlfleet.integrations.spi.RateLimitBudgets.BudgetKey;
import io.etlfleet.integrations.spi.RateLimitBudgets.RateLimitSnapshot;
import io.etlfleet.integrations.spi.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared budget of one GitHub token, keyed by the token's SHA-256 fingerprint. Every
 * request takes one unit first; the {@code x-ratelimit-*} headers of every response correct
 * the shared numbers. When the budget is spent, a wait up to {@code maxInlineWait} is slept
 * through here; a longer one is thrown as {@link RateLimitedException}, so the worker defers
 * the job and takes other work instead of sleeping on it.
 *
 * <p>All REST endpoints the connector calls draw on GitHub's {@code core} resource; a response
 * naming another resource is recorded under that name.
 */
final class BudgetGate {

    static final String CORE = "core";
    private static final Logger log = LoggerFactory.getLogger(BudgetGate.class);

    private final RateLimitBudgets budgets;
    private final String integrationId;
    private final String fingerprint;
    private final HttpPolicy policy;
    private final Duration maxInlineWait;

    BudgetGate(RateLimitBudgets budgets, String integrationId, String token, HttpPolicy policy, Duration maxInlineWait) {
        this.budgets = budgets;
        this.integrationId = integrationId;
        this.fingerprint = fingerprint(token);
        this.policy = policy;
        this.maxInlineWait = maxInlineWait;
    }

    /** Hex SHA-256 of a token: identifies its budget without revealing it. */
    static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    void acquire(String endpoint) {
        for (int waits = 0; ; waits++) {
            Instant now = policy.clock().instant();
            var until = budgets.tryAcquire(key(CORE), now);
            if (until.isEmpty()) {
                return;
            }
            Duration wait = Duration.between(now, until.get()).plus(policy.rateLimitMargin());
            if (wait.compareTo(maxInlineWait) > 0 || waits >= policy.maxRateLimitWaits()) {
                throw new RateLimitedException("the shared GitHub budget of this token is spent until " + until.get()
                        + " (GET " + endpoint + " not sent)", until.get());
            }
            log.warn("GET {}: the shared GitHub budget of this token is spent; waiting {} ms", endpoint, wait.toMillis());
            try {
                policy.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RateLimitedException("interrupted while waiting for the GitHub budget", until.get());
            }
        }
    }

    /** Records the response's {@code x-ratelimit-*} numbers, when it has them. */
    void observe(GithubResponse response) {
        var headers = response.headers();
        Long limit = number(headers.get("x-ratelimit-limit"));
        Long remaining = number(headers.get("x-ratelimit-remaining"));
        Long reset = number(headers.get("x-ratelimit-reset"));
        if (limit == null || remaining == null || reset == null) {
            return;
        }
        Long used = number(headers.get("x-ratelimit-used"));
        String resource = headers.get("x-ratelimit-resource");
        budgets.observe(key(resource == null || resource.isBlank() ? CORE : resource.trim().toLowerCase(Locale.ROOT)),
                new RateLimitSnapshot(limit, remaining, used == null ? limit - remaining : used,
                        Instant.ofEpochSecond(reset)));
    }

    void refund() {
        budgets.refund(key(CORE), policy.clock().instant());
    }

    /**
     * A rate-limited answer. The primary limit's {@code remaining: 0} was recorded by
     * {@link #observe}; a secondary limit blocks the token for everyone until its retry time.
     */
    void limited(GithubResponse response, RateLimitedException limited) {
        if (!"0".equals(trimmed(response.headers().get("x-ratelimit-remaining")))) {
            budgets.block(key(CORE), limited.resetAt());
        }
    }

    private BudgetKey key(String resource) {
        return new BudgetKey(integrationId, fingerprint, resource);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static Long number(String value) {
        String text = trimmed(value);
        return text != null && text.matches("\\d{1,18}") ? Long.valueOf(text) : null;
    }
}
