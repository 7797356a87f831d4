package io.etlfleet.transform.running;

import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.storage.rejections.Rejection;
import io.etlfleet.storage.rejections.RejectionStore;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.EntityLoaders;
import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.SqlMappedLoader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one transform job: reads the raw rows of its batch (or its explicit raw ids), loads
 * them with the entity's loader, records their batches as loaded and marks the job succeeded,
 * all in one transaction. A redelivered or replayed job finds its job terminal and does nothing;
 * a replayed load of the same rows would change nothing anyway.
 */
public class TransformJobRunner {

    private static final Logger log = LoggerFactory.getLogger(TransformJobRunner.class);
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final RawStore raw;
    private final RejectionStore rejections;
    private final EntityLoaders loaders;
    private final String workerId;
    private final Duration staleAfter;
    private final Set<UUID> inHand = ConcurrentHashMap.newKeySet();

    public TransformJobRunner(Jdbi jdbi, EntityLoaders loaders, String workerId, Duration staleAfter) {
        this.jdbi = jdbi;
        this.jobs = new JobStore(jdbi);
        this.raw = new RawStore(jdbi);
        this.rejections = new RejectionStore(jdbi);
        this.loaders = loaders;
        this.workerId = workerId;
        this.staleAfter = staleAfter;
    }

    /**
     * @param lastAttempt whether a failure now would exhaust the job's retries
     * @return the finished job, or empty when this delivery was a duplicate
     * @throws UnknownEntityException when no loader handles the job's entity type (permanent)
     */
    public Optional<Job> run(TransformJobMessage message, boolean lastAttempt) {
        if (!inHand.add(message.jobId())) {
            log.info("Transform job {} is already running in this worker; skipping duplicate delivery", message.jobId());
            return Optional.empty();
        }
        try {
            Optional<Job> claimed = jobs.claim(message.jobId(), workerId, staleAfter);
            if (claimed.isEmpty()) {
                log.info("Transform job {} is finished or held by a live worker; skipping duplicate delivery",
                        message.jobId());
                return Optional.empty();
            }
            return Optional.of(load(claimed.get(), message, lastAttempt));
        } finally {
            inHand.remove(message.jobId());
        }
    }

    public List<UUID> jobsInHand() {
        return List.copyOf(inHand);
    }

    private Job load(Job job, TransformJobMessage message, boolean lastAttempt) {
        try {
            EntityLoader loader = loaders.forJob(job.integrationType(), job.entityType())
                    .orElseThrow(() -> new UnknownEntityException(job.entityType()));
            Job done = jdbi.inTransaction(h -> {
                int rawRows;
                LoadResult result;
                List<UUID> batches;
                if (message.batchId() != null && loader instanceof SqlMappedLoader mapped) {
                    SqlMappedLoader.SqlLoad inSql = mapped.loadInSql(h, message.batchId());
                    List<RawRow> rest = inSql.coversTheBatch() ? List.of()
                            : raw.batchExcept(h, message.batchId(), inSql.handled());
                    result = rest.isEmpty() ? inSql.result() : inSql.result().plus(loader.load(h, rest));
                    rawRows = inSql.handled().size() + rest.size();
                    batches = List.of(message.batchId());
                } else {
                    List<RawRow> rows = message.batchId() != null ? raw.batch(h, message.batchId()) : raw.byIds(h, message.rawIds());
                    result = loader.load(h, rows);
                    rawRows = rows.size();
                    batches = rows.stream().map(RawRow::batchId).distinct().toList();
                }
                rejections.add(h, job.id(), job.tenantId(), job.integrationId(), job.entityType(), Rejection.TRANSFORM,
                        result.rejected().stream()
                                .map(r -> new RejectionStore.NewRejection(r.externalId(), r.rawId(), r.reason())).toList());
                raw.markBatchesLoaded(h, batches);
                return jobs.transition(h, job.id(), JobStatus.SUCCEEDED, rejections(result), result.counts(rawRows));
            });
            log.info("Transform job {} succeeded: {}", job.id(), done.counts());
            return done;
        } catch (UnknownEntityException e) {
            record(job, JobStatus.FAILED, e);
            throw e;
        } catch (RuntimeException e) {
            record(job, lastAttempt ? JobStatus.DEAD : JobStatus.RETRYING, e);
            throw e;
        }
    }

    /**
     * Rejected source records are kept on the job (one {@code etl.record_rejections} row each,
     * and a summary as its error); the rest of the batch still loads.
     */
    private static String rejections(LoadResult result) {
        if (result.rejected().isEmpty()) {
            return null;
        }
        String text = result.rejected().size() + " record(s) rejected: " + result.rejected().stream()
                .map(r -> r.externalId() + " (raw " + r.rawId() + "): " + r.reason())
                .collect(Collectors.joining("; "));
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    private void record(Job job, JobStatus status, RuntimeException e) {
        try {
            jobs.transition(job.id(), status, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (RuntimeException unrecorded) {
            log.warn("Could not record failure of transform job {}: {}", job.id(), unrecorded.toString());
        }
    }
}
