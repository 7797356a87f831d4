package io.etlfleet.extract.config;

import io.etlfleet.runtime.workers.WorkerTypes;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The extract workers' own settings.
 *
 * @param types       {@code ETL_EXTRACT_TYPES}: integration types to consume, e.g. {@code github,jira}; empty = all
 * @param concurrency {@code ETL_EXTRACT_CONCURRENCY}: consumers per type, e.g. {@code github=4,jira=2}; default 2, the fairness cap of running jobs per integration
 * @param prefetch    {@code ETL_EXTRACT_PREFETCH}: unacknowledged messages per consumer (jobs are long: 1)
 * @param scopeParallelism {@code ETL_EXTRACT_SCOPE_PARALLELISM}: scopes of one job (repositories, projects,
 *                    tables) extracted at once, each with its own connector and checkpoint (4)
 */
@ConfigurationProperties(prefix = "etl.extract")
public record ExtractWorkerProperties(String types, String concurrency, int prefetch, int scopeParallelism) {

    public ExtractWorkerProperties {
        if (prefetch < 1) {
            throw new IllegalArgumentException("ETL_EXTRACT_PREFETCH must be at least 1");
        }
        if (scopeParallelism < 1) {
            throw new IllegalArgumentException("ETL_EXTRACT_SCOPE_PARALLELISM must be at least 1");
        }
    }

    public WorkerTypes workerTypes() {
        return WorkerTypes.parse(types, concurrency, 2, "ETL_EXTRACT_TYPES", "ETL_EXTRACT_CONCURRENCY");
    }
}
