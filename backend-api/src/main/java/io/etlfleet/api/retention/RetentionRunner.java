package io.etlfleet.api.retention;

import io.etlfleet.runtime.PeriodicTask;
import io.etlfleet.storage.retention.RawRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the raw-data purge every {@code ETL_RAW_RETENTION_INTERVAL} when {@code ETL_RAW_RETENTION}
 * is set, batch after batch until nothing is left to purge. Every API instance may run one;
 * {@link RawRetention}'s advisory lock lets one of them work at a time.
 */
class RetentionRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionRunner.class);

    private final RawRetention retention;
    private final RetentionProperties properties;
    private final AtomicLong runs = new AtomicLong();
    private volatile PeriodicTask task;
    private volatile boolean stopping;

    RetentionRunner(RawRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    /** Purges everything purgeable now; returns how many rows went. */
    long purge() {
        long total = 0;
        try {
            Instant cutoff = Instant.now().minus(properties.maxAge());
            int deleted;
            do {
                deleted = retention.purgeBatch(cutoff, properties.batchSize());
                total += Math.max(deleted, 0);
            } while (deleted == properties.batchSize() && !stopping);
            if (deleted < 0) {
                log.debug("Raw retention skipped: another instance is purging");
            } else if (total > 0) {
                log.info("Raw retention purged {} superseded raw row(s) extracted before {}", total, cutoff);
            }
        } catch (RuntimeException e) {
            log.warn("Raw retention failed; trying again in {}: {}", properties.interval(), e.toString());
        } finally {
            runs.incrementAndGet();
        }
        return total;
    }

    /** Completed purge runs since start; tests wait on it. */
    long runs() {
        return runs.get();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Raw retention is off (ETL_RAW_RETENTION unset): every raw row is kept");
            return;
        }
        stopping = false;
        task = new PeriodicTask("raw-retention", properties.interval(), properties.interval(), this::purge);
        task.start();
        log.info("Raw retention on: superseded transformed raw rows older than {} are purged every {}",
                properties.maxAge(), properties.interval());
    }

    @Override
    public void stop() {
        stopping = true;
        PeriodicTask running = task;
        task = null;
        if (running != null) {
            running.stop(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
