package io.etlfleet.storage.workers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A worker process as registered in {@code etl.workers}. */
public record WorkerInfo(String id, String kind, List<String> types, Map<String, Integer> concurrency, String host,
        long pid, int jobsInHand, Instant startedAt, Instant heartbeatAt, Instant stoppedAt) {
}
