package io.etlfleet.integrations.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How connectors treat one HTTP request that fails: retries with exponential backoff for
 * retriable failures, and waiting for rate limits. Runtime tuning, not part of an
 * integration's config.
 *
 * @param maxAttempts           attempts per request for retriable failures (network, 5xx)
 * @param initialBackoff        wait before the second attempt; doubled (by {@code backoffMultiplier}) after each
 * @param backoffMultiplier     growth of the backoff
 * @param rateLimitMargin       added to every rate-limit wait, against clock skew with the source
 * @param defaultRateLimitWait  wait when the source signals a limit without saying how long
 *                              (GitHub: "wait at least one minute")
 * @param maxRateLimitWaits     consecutive rate-limit waits for one request before giving up
 * @param sleeper               how waiting happens
 * @param clock                 what "now" is when computing waits
 * @param circuitBreaker        when an integration's source counts as down (see {@link CircuitBreakers})
 */
public record HttpPolicy(
        int maxAttempts,
        Duration initialBackoff,
        double backoffMultiplier,
        Duration rateLimitMargin,
        Duration defaultRateLimitWait,
        int maxRateLimitWaits,
        Sleeper sleeper,
        Clock clock,
        CircuitBreakerPolicy circuitBreaker) {

    public HttpPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(rateLimitMargin, "rateLimitMargin");
        Objects.requireNonNull(defaultRateLimitWait, "defaultRateLimitWait");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    }

    /**
     * 3 attempts from 200 ms backoff, 1 s margin, 60 s default limit wait, up to 5 waits per request,
     * {@link CircuitBreakerPolicy#defaults()}.
     */
    public static HttpPolicy defaults() {
        return new HttpPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
                Sleeper.system(), Clock.systemUTC(), CircuitBreakerPolicy.defaults());
    }

    public HttpPolicy withCircuitBreaker(CircuitBreakerPolicy value) {
        return new HttpPolicy(maxAttempts, initialBackoff, backoffMultiplier, rateLimitMargin, defaultRateLimitWait,
                maxRateLimitWaits, sleeper, clock, value);
    }

    public HttpPolicy withRetries(int attempts, Duration firstBackoff) {
        return new HttpPolicy(attempts, firstBackoff, backoffMultiplier, rateLimitMargin, defaultRateLimitWait,
                maxRateLimitWaits, sleeper, clock, circuitBreaker);
    }

    public HttpPolicy withDefaultRateLimitWait(Duration wait) {
        return new HttpPolicy(maxAttempts, initialBackoff, backoffMultiplier, rateLimitMargin, wait,
                maxRateLimitWaits, sleeper, clock, circuitBreaker);
    }

    public HttpPolicy withSleeper(Sleeper value) {
        return new HttpPolicy(maxAttempts, initialBackoff, backoffMultiplier, rateLimitMargin, defaultRateLimitWait,
                maxRateLimitWaits, value, clock, circuitBreaker);
    }

    public HttpPolicy withClock(Clock value) {
        return new HttpPolicy(maxAttempts, initialBackoff, backoffMultiplier, rateLimitMargin, defaultRateLimitWait,
                maxRateLimitWaits, sleeper, value, circuitBreaker);
    }
}
