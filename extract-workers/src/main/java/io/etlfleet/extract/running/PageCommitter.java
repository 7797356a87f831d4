package io.etlfleet.extract.running;

import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.raw.NewRawRecord;
import io.etlfleet.storage.raw.RawBatch;
import io.etlfleet.storage.raw.RawInsert;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.storage.rejections.Rejection;
import io.etlfleet.storage.rejections.RejectionStore;
import io.etlfleet.storage.sync.SyncState;
import io.etlfleet.storage.sync.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Commits each page of one scope of an extract job in one transaction: the new raw objects
 * (one multi-row insert; a record the store refuses is rejected on the job with its reason and
 * the rest of the page is stored), a transform job for them with its message in the outbox, the
 * job's checkpoint and counts, and with the last page the scope's sync cursor. After the
 * commit the outbox relay is woken so the transform job is published at once.
 */
final class PageCommitter implements PageSink {

    private final ExtractContext context;
    private final Job job;
    private final String scope;
    private final Instant windowStart;
    private final JobCounts counts;
    private final BooleanSupplier stopRequested;
    private final Runnable cancelSeen;
    private long pageStartedNanos = System.nanoTime();

    /**
     * @param cancelSeen told when a commit found that a cancel was requested for the job
     */
    PageCommitter(ExtractContext context, Job job, String scope, Instant windowStart, JobCounts counts,
            BooleanSupplier stopRequested, Runnable cancelSeen) {
        this.context = context;
        this.job = job;
        this.scope = scope;
        this.windowStart = windowStart;
        this.counts = counts;
        this.stopRequested = stopRequested;
        this.cancelSeen = cancelSeen;
    }

    @Override
    public void accept(Page page) {
        UUID batchId = UUID.randomUUID();
        List<NewRawRecord> records = page.records().stream().map(PageCommitter::toRaw).toList();
        RawBatch batch = new RawBatch(batchId, job.id(), job.tenantId(), job.integrationId(), job.entityType(),
                metadata(page.request()), records);
        Map<String, Long> deltas = new LinkedHashMap<>();
        boolean cancelRequested = context.jdbi().inTransaction(h -> {
            RawInsert inserted = context.raw().store(h, batch);
            int stored = inserted.stored();
            int refused = inserted.rejected().size();
            deltas.put(JobCounts.PAGES, 1L);
            deltas.put(JobCounts.RECORDS_FETCHED, (long) (records.size() + page.rejected().size()));
            deltas.put(JobCounts.RECORDS_STORED, (long) stored);
            deltas.put(JobCounts.RECORDS_UNCHANGED, (long) (records.size() - stored - refused));
            page.counts().forEach((name, value) -> deltas.merge(name, value, Long::sum));
            List<RejectionStore.NewRejection> rejections = new ArrayList<>();
            page.rejected().forEach(r -> rejections.add(new RejectionStore.NewRejection(r.position(), null, r.reason())));
            inserted.rejected().forEach(r -> rejections.add(new RejectionStore.NewRejection(r.externalId(), null, r.reason())));
            if (!rejections.isEmpty()) {
                deltas.put(JobCounts.RECORDS_REJECTED, (long) rejections.size());
                context.rejections().add(h, job.id(), job.tenantId(), job.integrationId(), job.entityType(),
                        Rejection.EXTRACT, rejections);
            }
            if (stored > 0) {
                NewJob transform = NewJob.transform(job.id(), job.tenantId(), job.integrationId(), job.integrationType(),
                        job.entityType(), batchId);
                context.jobs().insert(h, transform);
                context.outbox().add(h, transformMessage(transform));
                deltas.put(JobCounts.TRANSFORM_JOBS, 1L);
            }
            if (page.last()) {
                context.syncStates().save(h, new SyncState(job.tenantId(), job.integrationId(), job.entityType(), scope,
                        page.cursor(), windowStart, context.runStartedAt(), job.id(), null));
            }
            // Last: the job row's lock is then held only for the commit, so scopes committing concurrently barely wait.
            return context.jobs().saveScopeCheckpoint(h, job.id(), context.workerId(), scope,
                    ExtractCheckpoint.scopeStateAfter(page.checkpoint()), deltas);
        });
        counts.addAll(deltas);
        if (cancelRequested) {
            cancelSeen.run();
        }
        context.wakeRelay().run();
        long now = System.nanoTime();
        context.observer().pageCommitted(job, page, Duration.ofNanos(now - pageStartedNanos));
        pageStartedNanos = now;
    }

    @Override
    public boolean stopRequested() {
        return stopRequested.getAsBoolean();
    }

    private OutboxMessage transformMessage(NewJob transform) {
        TransformJobMessage message = TransformJobMessage.forBatch(transform.id(), job.id(), job.tenantId(),
                job.integrationId(), job.integrationType(), job.entityType(), transform.batchId());
        return OutboxMessage.of(QueueNames.TRANSFORM_EXCHANGE, job.integrationType(), transform.id().toString(),
                context.codec().encode(message));
    }

    private static NewRawRecord toRaw(SourceRecord record) {
        String json = record.json() != null ? record.json() : JsonColumns.write(record.data());
        return NewRawRecord.of(record.externalId(), json, record.updatedAt());
    }

    private String metadata(PageRequestInfo request) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("job_id", job.id().toString());
        metadata.put("scope", scope);
        metadata.put("endpoint", request.endpoint());
        metadata.put("params", request.params());
        metadata.put("page_cursor", request.pageCursor());
        metadata.put("etag", request.etag());
        metadata.put("rate_limit", request.rateLimit());
        metadata.put("fetched_at", request.fetchedAt() == null ? null : request.fetchedAt().toString());
        return JsonColumns.write(metadata);
    }

    /** What every page of one job run shares. */
    record ExtractContext(Jdbi jdbi, JobStore jobs, RawStore raw, SyncStateStore syncStates, OutboxStore outbox,
            RejectionStore rejections, JobMessageCodec codec, String workerId, Instant runStartedAt, Runnable wakeRelay,
            ExtractObserver observer) {
    }
}
