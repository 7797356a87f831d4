package io.etlfleet.runtime.workers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a worker stops on SIGTERM: it stops consuming, asks running jobs to hand themselves back
 * at their next page boundary and waits for them up to {@code timeout}. After that (or on a
 * second signal or kill) nothing is half-done either: each page commits in one transaction, the
 * unacknowledged message is redelivered, and the job's claim goes stale and is reclaimed.
 *
 * @param timeout {@code ETL_SHUTDOWN_TIMEOUT}: how long running jobs get to reach a page boundary
 */
@ConfigurationProperties(prefix = "etl.shutdown")
public record ShutdownSettings(Duration timeout) {

    public ShutdownSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ETL_SHUTDOWN_TIMEOUT must be positive, was " + timeout);
        }
    }
}
