package io.etlfleet.integrations.http;

import java.time.Duration;

/**
 * When a source counts as down: of the last {@code slidingWindow} requests (once at least
 * {@code minimumCalls} were made), {@code failureRatePercent} or more failed retriably
 * (network, 5xx). The circuit then stays open for {@code openFor}, failing requests at once
 * instead of sending them, and lets {@code halfOpenCalls} trial requests through afterwards.
 */
public record CircuitBreakerPolicy(float failureRatePercent, int slidingWindow, int minimumCalls, Duration openFor,
        int halfOpenCalls) {

    public CircuitBreakerPolicy {
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be in (0, 100]");
        }
        if (slidingWindow < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException("slidingWindow, minimumCalls and halfOpenCalls must be at least 1");
        }
    }

    /** 50 % of the last 20 requests (at least 10), open for 30 s, 2 trial requests. */
    public static CircuitBreakerPolicy defaults() {
        return new CircuitBreakerPolicy(50, 20, 10, Duration.ofSeconds(30), 2);
    }
}
