package io.etlfleet.sample.jira;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Failures the fake Jira answers the next requests with, in the order queued (any path,
 * either deployment). Thread-safe.
 */
public final class JiraFaults {

    /** What a faulted request gets. */
    public sealed interface Fault {
    }

    /** 429 with {@code Retry-After} (seconds) and {@code RateLimit-Reason: jira-burst-based}; no header when null. */
    public record RateLimit(Duration retryAfter) implements Fault {
    }

    /** A 5xx with Jira's error body. */
    public record ServerError(int status) implements Fault {
    }

    private record Queued(Fault fault, int[] remaining) {
    }

    private final Deque<Queued> queue = new ArrayDeque<>();

    public JiraFaults rateLimit(int requests, Duration retryAfter) {
        return add(requests, new RateLimit(retryAfter));
    }

    public JiraFaults serverErrors(int requests, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a server error status: " + status);
        }
        return add(requests, new ServerError(status));
    }

    public synchronized void clear() {
        queue.clear();
    }

    synchronized Optional<Fault> next() {
        Queued head = queue.peekFirst();
        if (head == null) {
            return Optional.empty();
        }
        if (--head.remaining()[0] == 0) {
            queue.removeFirst();
        }
        return Optional.of(head.fault());
    }

    private synchronized JiraFaults add(int requests, Fault fault) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        queue.addLast(new Queued(fault, new int[] {requests}));
        return this;
    }
}
