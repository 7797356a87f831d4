package io.etlfleet.extract.running;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of one extract job, carried over from the job row when it resumes; scopes add to it concurrently. */
final class JobCounts {

    static final String PAGES = "pages";
    static final String RECORDS_FETCHED = "records_fetched";
    static final String RECORDS_STORED = "records_stored";
    static final String RECORDS_UNCHANGED = "records_unchanged";
    static final String RECORDS_REJECTED = "records_rejected";
    static final String TRANSFORM_JOBS = "transform_jobs";

    private final Map<String, Long> values = new LinkedHashMap<>();

    JobCounts(Map<String, Long> initial) {
        values.put(PAGES, 0L);
        values.put(RECORDS_FETCHED, 0L);
        values.put(RECORDS_STORED, 0L);
        values.put(RECORDS_UNCHANGED, 0L);
        values.put(TRANSFORM_JOBS, 0L);
        values.putAll(initial);
    }

    synchronized void add(String name, long delta) {
        values.merge(name, delta, Long::sum);
    }

    synchronized void addAll(Map<String, Long> deltas) {
        deltas.forEach((name, delta) -> values.merge(name, delta, Long::sum));
    }

    synchronized Map<String, Long> snapshot() {
        return Map.copyOf(values);
    }
}
