package io.etlfleet.extract.metrics;

import io.etlfleet.extract.running.ExtractObserver;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.runtime.metrics.JobMeters;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The extract workers' meters, exported on {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code etl.jobs.started|succeeded|failed|deferred} (kind, type; deferred also reason)</li>
 * <li>{@code etl.records.extracted} (type, entity_type): records fetched from the source</li>
 * <li>{@code etl.batch.duration} (kind, type): fetch and commit of one page, as a histogram</li>
 * <li>{@code etl.source.requests} and {@code etl.source.not_modified} (type, entity_type): requests
 *     the connectors made and how many of them the source answered 304 Not Modified, from the pages'
 *     {@code requests} and {@code not_modified} counts; their ratio is the share of a re-sync the
 *     ETags saved</li>
 * </ul>
 * The shared rate-limit budgets are sampled by {@link SharedBudgetGauges}.
 */
public final class ExtractMetrics implements ExtractObserver {

    public static final String KIND = "extract";

    public static final String REQUESTS = "etl.source.requests";
    public static final String NOT_MODIFIED = "etl.source.not_modified";

    private final MeterRegistry registry;

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
    public void pageCommitted(Job job, Page page, Duration took) {
        int records = page.records().size();
        Counter.builder("etl.records.extracted")
                .description("Records fetched from sources")
                .tag("type", job.integrationType())
                .tag("entity_type", job.entityType())
                .register(registry)
                .increment(records);
        Timer batch = JobMeters.batchTimer(registry, KIND, job.integrationType());
        batch.record(took);
        Long requests = page.counts().get(Page.REQUESTS);
        if (requests != null) {
            sourceCounter(REQUESTS, "Requests the connectors made to sources", job).increment(requests);
            sourceCounter(NOT_MODIFIED, "Source requests answered 304 Not Modified", job)
                    .increment(page.counts().getOrDefault(Page.NOT_MODIFIED, 0L));
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

    private Counter sourceCounter(String name, String description, Job job) {
        return Counter.builder(name)
                .description(description)
                .tag("type", job.integrationType())
                .tag("entity_type", job.entityType())
                .register(registry);
    }
}
