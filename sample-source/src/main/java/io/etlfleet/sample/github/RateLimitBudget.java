package io.etlfleet.sample.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** GitHub's primary "core" limit: a fixed number of requests per hour, counted per token. */
final class RateLimitBudget {

    static final Duration WINDOW = Duration.ofHours(1);

    /** The numbers GitHub reports in the {@code x-ratelimit-*} headers. */
    record Snapshot(int limit, int used, long resetEpochSecond) {

        int remaining() {
            return Math.max(0, limit - used);
        }

        Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("x-ratelimit-limit", Integer.toString(limit));
            headers.put("x-ratelimit-remaining", Integer.toString(remaining()));
            headers.put("x-ratelimit-reset", Long.toString(resetEpochSecond));
            headers.put("x-ratelimit-used", Integer.toString(used));
            headers.put("x-ratelimit-resource", "core");
            return headers;
        }
    }

    private final int limit;
    private final Clock clock;
    private Instant windowStart;
    private int used;

    RateLimitBudget(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one request if the budget allows; the snapshot shows remaining 0 when it did not. */
    synchronized Snapshot consume() {
        roll();
        if (used < limit) {
            used++;
        }
        return snapshot();
    }

    synchronized Snapshot peek() {
        roll();
        return snapshot();
    }

    synchronized boolean exhausted() {
        roll();
        return used >= limit;
    }

    private void roll() {
        Instant now = clock.instant();
        if (windowStart == null || !now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            used = 0;
        }
    }

    private Snapshot snapshot() {
        return new Snapshot(limit, used, windowStart.plus(WINDOW).getEpochSecond());
    }
}
