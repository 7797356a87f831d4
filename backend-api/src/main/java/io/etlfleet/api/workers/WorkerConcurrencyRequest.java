package io.etlfleet.api.workers;

import java.util.Map;

/** Body of {@code PUT /workers/{id}/concurrency}: consumers per integration type, e.g. {@code {"github":4}}. */
public record WorkerConcurrencyRequest(Map<String, Integer> concurrency) {
}
