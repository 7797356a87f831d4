package io.etlfleet.sample.github;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Failures the fake GitHub answers the next requests with, in the order they were queued.
 * Each call queues a fault for the next {@code requests} requests to the GitHub API (any
 * path, after the ones already queued). Thread-safe.
 */
public final class GithubFaults {

    /** What a faulted request gets. */
    public sealed interface Fault {
    }

    /** 403 with {@code x-ratelimit-remaining: 0} and a reset {@code resetIn} from now. */
    public record PrimaryRateLimit(Duration resetIn) implements Fault {
    }

    /** 403 or 429 "secondary rate limit", with {@code Retry-After} when {@code retryAfter} is set. */
    public record SecondaryRateLimit(int status, Duration retryAfter) implements Fault {
    }

    /** A 5xx (502, 503, 500) with GitHub's error body. */
    public record ServerError(int status) implements Fault {
    }

    private record Queued(Fault fault, int[] remaining) {
    }

    private final Deque<Queued> queue = new ArrayDeque<>();

    public GithubFaults primaryRateLimit(int requests, Duration resetIn) {
        return add(requests, new PrimaryRateLimit(resetIn));
    }

    /** @param retryAfter seconds to send in {@code Retry-After}; null sends no header (GitHub says: wait a minute) */
    public GithubFaults secondaryRateLimit(int requests, int status, Duration retryAfter) {
        if (status != 403 && status != 429) {
            throw new IllegalArgumentException("GitHub answers secondary limits with 403 or 429, not " + status);
        }
        return add(requests, new SecondaryRateLimit(status, retryAfter));
    }

    public GithubFaults serverErrors(int requests, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a server error status: " + status);
        }
        return add(requests, new ServerError(status));
    }

    public synchronized void clear() {
        queue.clear();
    }

    /** Requests that will still be failed. */
    public synchronized int pending() {
        return queue.stream().mapToInt(q -> q.remaining()[0]).sum();
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

    private synchronized GithubFaults add(int requests, Fault fault) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1");
        }
        queue.addLast(new Queued(fault, new int[] {requests}));
        return this;
    }
}
