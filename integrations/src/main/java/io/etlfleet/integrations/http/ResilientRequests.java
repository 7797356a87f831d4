package io.etlfleet.integrations.http;

import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one request attempt at a time: retries {@link RetriableConnectorException}s with
 * Resilience4j (exponential backoff), and on a {@link RateLimitedException} sleeps until the
 * limit resets and repeats the request, because a rate limit is a reason to wait, not a
 * failure. A wait longer than {@code maxRateLimitWait} is handed to the runtime as the
 * {@link RateLimitedException} itself, so the job is delayed instead of holding a worker.
 *
 * <p>With a {@link CircuitBreaker}, every attempt passes through it; while it is open, requests
 * fail at once with a {@link RetriableConnectorException} (the job is retried later) instead of
 * being sent to a source that keeps failing.
 */
public final class ResilientRequests {

    private static final Logger log = LoggerFactory.getLogger(ResilientRequests.class);

    private final HttpPolicy policy;
    private final Duration maxRateLimitWait;
    private final Retry retry;
    private final CircuitBreaker breaker;

    public ResilientRequests(String name, HttpPolicy policy, Duration maxRateLimitWait) {
        this(name, policy, maxRateLimitWait, null);
    }

    /** @param breaker the integration's circuit breaker; null for none */
    public ResilientRequests(String name, HttpPolicy policy, Duration maxRateLimitWait, CircuitBreaker breaker) {
        this.breaker = breaker;
        this.policy = policy;
        this.maxRateLimitWait = maxRateLimitWait;
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(policy.initialBackoff(), policy.backoffMultiplier()))
                .retryOnException(e -> e instanceof RetriableConnectorException && !(e instanceof RateLimitedException))
                .build();
        this.retry = Retry.of(name, config);
        retry.getEventPublisher().onRetry(event -> log.warn("{}: attempt {} failed ({}); retrying in {} ms",
                name, event.getNumberOfRetryAttempts(), message(event.getLastThrowable()), event.getWaitInterval().toMillis()));
    }

    /**
     * @param what short description for logs, e.g. {@code GET /repos/acme/widgets/issues}; never credentials
     */
    public <T> T execute(String what, Supplier<T> attempt) {
        int waits = 0;
        while (true) {
            try {
                return retry.executeSupplier(breaker == null ? attempt : CircuitBreaker.decorateSupplier(breaker, attempt));
            } catch (CallNotPermittedException open) {
                throw new RetriableConnectorException(what + ": the source failed repeatedly; circuit breaker "
                        + open.getCausingCircuitBreakerName() + " is open, not sending requests for now", open);
            } catch (RateLimitedException limited) {
                Duration wait = waitFor(limited.resetAt());
                if (wait.compareTo(maxRateLimitWait) > 0 || ++waits > policy.maxRateLimitWaits()) {
                    throw limited;
                }
                log.warn("{}: {}; waiting {} ms until {}", what, limited.getMessage(), wait.toMillis(), limited.resetAt());
                sleep(wait, limited);
            }
        }
    }

    private Duration waitFor(Instant resetAt) {
        Duration untilReset = Duration.between(policy.clock().instant(), resetAt);
        return (untilReset.isNegative() ? Duration.ZERO : untilReset).plus(policy.rateLimitMargin());
    }

    private void sleep(Duration wait, RateLimitedException limited) {
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RateLimitedException("interrupted while waiting for the rate limit to reset", limited.resetAt());
        }
    }

    private static String message(Throwable e) {
        return e == null ? "" : e.getMessage();
    }
}
