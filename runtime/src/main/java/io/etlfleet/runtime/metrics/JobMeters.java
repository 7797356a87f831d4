package io.etlfleet.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * Meter names and tags both worker apps use, so extract and transform series line up on one
 * dashboard: job counters and batch latency, tagged with {@code kind} and {@code type}.
 */
public final class JobMeters {

    public static final String STARTED = "etl.jobs.started";
    public static final String SUCCEEDED = "etl.jobs.succeeded";
    public static final String FAILED = "etl.jobs.failed";
    public static final List<String> NAMES = List.of(STARTED, SUCCEEDED, FAILED);
    public static final String BATCH_DURATION = "etl.batch.duration";

    private JobMeters() {
    }

    public static Counter counter(MeterRegistry registry, String name, String kind, String type) {
        return Counter.builder(name)
                .description(switch (name) {
                    case STARTED -> "Jobs claimed and started (or resumed)";
                    case SUCCEEDED -> "Jobs that succeeded";
                    default -> "Job attempts that failed (retried or dead-lettered afterwards)";
                })
                .tag("kind", kind)
                .tag("type", type)
                .register(registry);
    }

    /** Extract: fetch and commit of one page; transform: load of one batch. */
    public static Timer batchTimer(MeterRegistry registry, String kind, String type) {
        return Timer.builder(BATCH_DURATION)
                .description("Time to fetch and commit one page (extract) or load one batch (transform)")
                .tag("kind", kind)
                .tag("type", type)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }
}
