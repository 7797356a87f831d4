package io.etlfleet.transform.config;

import io.etlfleet.runtime.workers.WorkerTypes;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transform workers' own settings.
 *
 * @param types       {@code ETL_TRANSFORM_TYPES}: integration types to consume; empty = all
 * @param concurrency {@code ETL_TRANSFORM_CONCURRENCY}: consumers per type, e.g. {@code github=2}; default 2
 * @param prefetch    {@code ETL_TRANSFORM_PREFETCH}: unacknowledged messages per consumer
 */
@ConfigurationProperties(prefix = "etl.transform")
public record TransformWorkerProperties(String types, String concurrency, int prefetch) {

    public TransformWorkerProperties {
        if (prefetch < 1) {
            throw new IllegalArgumentException("ETL_TRANSFORM_PREFETCH must be at least 1");
        }
    }

    public WorkerTypes workerTypes() {
        return WorkerTypes.parse(types, concurrency, 2, "ETL_TRANSFORM_TYPES", "ETL_TRANSFORM_CONCURRENCY");
    }
}
