package io.etlfleet.sample.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests served per path (without query) and in total, so tests can assert how many calls
 * a run made. Counts every request that reached the server, including failed ones.
 */
public final class RequestCounts {

    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    void record(String path) {
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        total.incrementAndGet();
    }

    /** Requests to exactly this path, e.g. {@code /repos/acme/widgets/issues}. */
    public long count(String path) {
        LongAdder adder = byPath.get(path);
        return adder == null ? 0 : adder.sum();
    }

    public long total() {
        return total.get();
    }

    /** A sorted copy of the per-path counts. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byPath.forEach((path, adder) -> copy.put(path, adder.sum()));
        return copy;
    }

    public void reset() {
        byPath.clear();
        total.set(0);
    }
}
