package io.etlfleet.extract.metrics;

import io.etlfleet.extract.running.ExtractObserver;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.runtime.metrics.JobMeters;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The extract workers' meters, exported on {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code etl.jobs.started|succeeded|failed|deferred} (kind, type; deferred also reason)</li>
 * <li>{@code etl.records.extracted} (type, entity_type): records fetched from the source</li>
 * <li>{@code etl.batch.duration} (kind, type): fetch and commit of one page, as a histogram</li>
 * <li>{@code etl.source.rate_limit.remaining} (type, integration_id, resource): what the source
 *     reported on the last page this worker fetched for the integration</li>
 * </ul>
 */
public final class ExtractMetrics implements ExtractObserver {

    public static final String KIND = "extract";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> rateLimits = new ConcurrentHashMap<>();

    public ExtractMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the per-type series at zero, so dashboards show them before the first job. */
    public ExtractMetrics registerTypes(Iterable<String> types) {
        for (String type : types) {
            for (String name : JobMeters.NAMES) {
                JobMeters.counter(registry, name, KIND, type);
            }
            for (String reason : new String[] {"integration_cap", "backfill_gate", "rate_limit"}) {
                deferredCounter(type, reason);
            }
            JobMeters.batchTimer(registry, KIND, type);
        }
        return this;
    }

    @Override
    public void started(Job job) {
        JobMeters.counter(registry, JobMeters.STARTED, KIND, job.integrationType()).increment();
    }

    @Override
    public void pageCommitted(Job job, PageRequestInfo request, int records, Duration took) {
        Counter.builder("etl.records.extracted")
                .description("Records fetched from sources")
                .tag("type", job.integrationType())
                .tag("entity_type", job.entityType())
                .register(registry)
                .increment(records);
        Timer batch = JobMeters.batchTimer(registry, KIND, job.integrationType());
        batch.record(took);
        String remaining = request.rateLimit().get("x-ratelimit-remaining");
        if (remaining != null) {
            rateLimit(job, request.rateLimit().getOrDefault("x-ratelimit-resource", "core")).set(parse(remaining));
        }
    }

    @Override
    public void ended(Job job) {
        if (job.status() == JobStatus.SUCCEEDED) {
            JobMeters.counter(registry, JobMeters.SUCCEEDED, KIND, job.integrationType()).increment();
        }
    }

    @Override
    public void failed(Job job, RuntimeException failure) {
        JobMeters.counter(registry, JobMeters.FAILED, KIND, job.integrationType()).increment();
    }

    /** Counts a job deferred by the fairness rules. */
    public void deferred(ExtractJobMessage message, String reason) {
        deferredCounter(message.integrationType(), reason).increment();
    }

    private Counter deferredCounter(String type, String reason) {
        return Counter.builder("etl.jobs.deferred")
                .description("Jobs put back for later by the fairness rules, without spending an attempt")
                .tag("kind", KIND)
                .tag("type", type)
                .tag("reason", reason)
                .register(registry);
    }

    private AtomicLong rateLimit(Job job, String resource) {
        String key = job.integrationId() + "/" + resource;
        return rateLimits.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("etl.source.rate_limit.remaining", value, AtomicLong::get)
                    .description("Requests left in the source's rate-limit window, as last reported")
                    .tag("type", job.integrationType())
                    .tag("integration_id", job.integrationId().toString())
                    .tag("resource", resource)
                    .register(registry);
            return value;
        });
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
