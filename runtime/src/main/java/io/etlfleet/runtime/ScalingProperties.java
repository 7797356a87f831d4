package io.etlfleet.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How workers scale and share the fleet; defaults and variables are in
 * {@code fleet-defaults.properties}.
 *
 * @param concurrencyPollInterval {@code ETL_CONCURRENCY_POLL_INTERVAL}: how often a worker applies
 *                                concurrency changed through the API
 * @param maxJobsPerIntegration   {@code ETL_MAX_JOBS_PER_INTEGRATION}: running extract jobs one
 *                                integration may have across the fleet; further ones are deferred
 * @param deferDelay              {@code ETL_DEFER_DELAY}: how long a deferred job waits before it is
 *                                offered again (rounded up to a retry tier)
 * @param backfillShare           {@code ETL_EXTRACT_BACKFILL_SHARE}: consumers on a type's backfill
 *                                queue, as a share of its concurrency (rounded up, at least one)
 * @param queueMetricsInterval    {@code ETL_QUEUE_METRICS_INTERVAL}: how often queue depth and
 *                                consumer gauges are sampled from the broker
 */
@ConfigurationProperties(prefix = "etl.scaling")
public record ScalingProperties(
        Duration concurrencyPollInterval,
        int maxJobsPerIntegration,
        Duration deferDelay,
        double backfillShare,
        Duration queueMetricsInterval) {

    public ScalingProperties {
        if (concurrencyPollInterval == null || concurrencyPollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("ETL_CONCURRENCY_POLL_INTERVAL must be positive");
        }
        if (maxJobsPerIntegration < 1) {
            throw new IllegalArgumentException("ETL_MAX_JOBS_PER_INTEGRATION must be at least 1");
        }
        if (deferDelay == null || deferDelay.isNegative()) {
            throw new IllegalArgumentException("ETL_DEFER_DELAY must not be negative");
        }
        if (!(backfillShare > 0 && backfillShare <= 1)) {
            throw new IllegalArgumentException("ETL_EXTRACT_BACKFILL_SHARE must be in (0, 1]");
        }
        if (queueMetricsInterval == null || queueMetricsInterval.toMillis() < 1) {
            throw new IllegalArgumentException("ETL_QUEUE_METRICS_INTERVAL must be positive");
        }
    }
}
