package io.etlfleet.transform.metrics;

import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.runtime.metrics.JobMeters;
import io.etlfleet.storage.jobs.Job;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The transform workers' meters, exported on {@code /actuator/prometheus}:
 * {@code etl.jobs.started|succeeded|failed} (kind=transform, type), {@code etl.records.loaded}
 * (type, entity_type: warehouse rows inserted or replaced by a newer version) and
 * {@code etl.batch.duration} (kind=transform, type: the load of one batch).
 */
public final class TransformMetrics {

    public static final String KIND = "transform";

    private final MeterRegistry registry;

    public TransformMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the per-type series at zero, so dashboards show them before the first job. */
    public TransformMetrics registerTypes(Iterable<String> types) {
        for (String type : types) {
            JobMeters.NAMES.forEach(name -> JobMeters.counter(registry, name, KIND, type));
            JobMeters.batchTimer(registry, KIND, type);
        }
        return this;
    }

    /** Runs one delivery of {@code message} and counts what it did; a duplicate (empty) counts nothing. */
    public Optional<Job> measure(TransformJobMessage message, Callable<Optional<Job>> run) throws Exception {
        String type = message.integrationType();
        long started = System.nanoTime();
        Optional<Job> done;
        try {
            done = run.call();
        } catch (Exception | Error e) {
            JobMeters.counter(registry, JobMeters.STARTED, KIND, type).increment();
            JobMeters.counter(registry, JobMeters.FAILED, KIND, type).increment();
            throw e;
        }
        done.ifPresent(job -> {
            JobMeters.counter(registry, JobMeters.STARTED, KIND, type).increment();
            JobMeters.counter(registry, JobMeters.SUCCEEDED, KIND, type).increment();
            JobMeters.batchTimer(registry, KIND, type).record(Duration.ofNanos(System.nanoTime() - started));
            Counter.builder("etl.records.loaded")
                    .description("Warehouse rows inserted or replaced by a newer version")
                    .tag("type", type)
                    .tag("entity_type", job.entityType())
                    .register(registry)
                    .increment(job.counts().getOrDefault("rows_upserted", 0L));
        });
        return done;
    }
}
