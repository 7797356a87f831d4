package io.etlfleet.integrations.http;

import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j circuit breaker per integration, kept for the life of the process (a
 * connector lives for one job, the breaker across jobs), so that a dead source stops being
 * called by every job of the integration. Only retriable failures (network, 5xx) count; a
 * rate limit or a permanent error (401, 404) says the source is alive. Thread-safe.
 */
public final class CircuitBreakers {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private final CircuitBreakerRegistry registry;

    public CircuitBreakers(CircuitBreakerPolicy policy) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.failureRatePercent())
                .slidingWindowSize(policy.slidingWindow())
                .minimumNumberOfCalls(policy.minimumCalls())
                .waitDurationInOpenState(policy.openFor())
                .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                .recordException(e -> e instanceof RetriableConnectorException && !(e instanceof RateLimitedException))
                .build();
        this.registry = CircuitBreakerRegistry.of(config);
    }

    /** The breaker named {@code name} (e.g. {@code github-<integration id>}), created on first use. */
    public CircuitBreaker forName(String name) {
        return registry.find(name).orElseGet(() -> {
            CircuitBreaker breaker = registry.circuitBreaker(name);
            breaker.getEventPublisher().onStateTransition(event -> log.warn("Circuit breaker {}: {}", name,
                    event.getStateTransition()));
            return breaker;
        });
    }
}
