package io.etlfleet.api.workers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A worker process as {@code GET /workers} shows it.
 *
 * @param concurrency          consumers per type the worker runs now
 * @param desiredConcurrency   per type, what the API asked for (the worker's own value, else the
 *                             fleet-wide one of its kind and type); the worker applies it within
 *                             a poll interval; types without one keep their configured value
 * @param stale                no heartbeat for longer than {@code ETL_JOB_STALE_AFTER}: the
 *                             process died without deregistering
 */
public record WorkerResponse(
        String id,
        String kind,
        List<String> types,
        Map<String, Integer> concurrency,
        Map<String, Integer> desiredConcurrency,
        String host,
        long pid,
        int jobsInHand,
        Instant startedAt,
        Instant heartbeatAt,
        long heartbeatAgeSeconds,
        boolean stale) {
}
