package io.etlfleet.storage.jobs;

import io.etlfleet.storage.Hints;
import io.etlfleet.storage.JsonColumns;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and changes {@code etl.etl_jobs}. Every status change is a guarded update: it only
 * applies when the current status may move to the target under {@link JobStatus}'s table,
 * and bumps {@code version}; a change that does not apply raises
 * {@link IllegalJobTransitionException}. Methods taking a {@link Handle} join the caller's
 * transaction. Every insert and status change is recorded in {@code etl.job_events} by
 * triggers on the table (migration V30), in the same transaction, whichever statement makes
 * it; {@link JobHistory} reads them.
 */
public class JobStore {

    private static final String COLUMNS = """
            id, kind, tenant_id, integration_id, integration_type, entity_type, mode, parent_id, batch_id,
            status, attempts, counts::text as counts, checkpoint::text as checkpoint, error, worker_id,
            heartbeat_at, version, created_at, started_at, finished_at, updated_at, cancel_requested_at""";

    private final Jdbi jdbi;

    public JobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void insert(Handle handle, NewJob job) {
        handle.createUpdate("""
                insert into etl.etl_jobs (id, kind, tenant_id, integration_id, integration_type, entity_type, mode,
                                          parent_id, batch_id, status)
                values (:id, :kind, :tenantId, :integrationId, :integrationType, :entityType, :mode,
                        :parentId, :batchId, 'queued')""")
                .bindMethods(job)
                .bind("kind", job.kind().dbValue())
                .execute();
    }

    public Optional<Job> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Job> find(Handle handle, UUID id) {
        return handle.createQuery("select " + COLUMNS + " from etl.etl_jobs where id = :id")
                .bind("id", id)
                .map(JobMapper.INSTANCE)
                .findOne();
    }

    /** The job if it belongs to {@code tenantId}; empty otherwise, so callers answer 404. */
    public Optional<Job> findForTenant(UUID tenantId, UUID id) {
        return find(id).filter(job -> tenantId == null || job.tenantId().equals(tenantId));
    }

    public List<Job> children(UUID parentId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from etl.etl_jobs where parent_id = :parentId order by created_at, id")
                .bind("parentId", parentId)
                .map(JobMapper.INSTANCE)
                .list());
    }

    /** Jobs matching {@code query}, newest first, after the query's cursor position. */
    public List<Job> list(JobQuery query) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.etl_jobs
                        where (cast(:tenantId as uuid) is null or tenant_id = :tenantId)
                          and (cast(:integrationId as uuid) is null or integration_id = :integrationId)
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:kind as text) is null or kind = :kind)
                          and (cast(:entityType as text) is null or entity_type = :entityType)
                          and (cast(:before as uuid) is null or (created_at, id) <
                               (select created_at, id from etl.etl_jobs where id = :before))
                          and (cast(:afterCreated as timestamptz) is null
                               or (created_at, id) < (cast(:afterCreated as timestamptz), :afterId))
                        order by created_at desc, id desc
                        limit :limit""")
                .bind("tenantId", query.tenantId())
                .bind("integrationId", query.integrationId())
                .bind("status", query.status() == null ? null : query.status().dbValue())
                .bind("kind", query.kind() == null ? null : query.kind().dbValue())
                .bind("entityType", query.entityType())
                .bind("before", query.createdBefore())
                .bind("afterCreated", query.cursor() == null ? null : Timestamp.from(query.cursor().createdAt()))
                .bind("afterId", query.cursor() == null ? null : query.cursor().id())
                .bind("limit", query.limit())
                .map(JobMapper.INSTANCE)
                .list());
    }

    /**
     * Cancels a job that has not started (queued, or waiting in a retry tier) at once; flags a
     * running job so its worker stops at the next page boundary and cancels it. Empty when
     * the job does not exist; unchanged when it is already terminal (callers answer 409).
     */
    public Optional<Job> cancel(UUID id) {
        return jdbi.inTransaction(h -> {
            Optional<Job> current = h.createQuery("select " + COLUMNS + " from etl.etl_jobs where id = :id for update")
                    .bind("id", id)
                    .map(JobMapper.INSTANCE)
                    .findOne();
            if (current.isEmpty() || current.get().status().terminal()) {
                return current;
            }
            if (current.get().status() == JobStatus.RUNNING) {
                return h.createQuery("""
                                with flagged as (
                                    update etl.etl_jobs set cancel_requested_at = coalesce(cancel_requested_at, now()),
                                           version = version + 1, updated_at = now()
                                     where id = :id returning *),
                                     event as (
                                    insert into etl.job_events (job_id, status, message)
                                    select id, status, 'cancel requested; the worker stops at the next page boundary'
                                      from flagged)
                                select\s""" + COLUMNS + " from flagged")
                        .bind("id", id)
                        .map(JobMapper.INSTANCE)
                        .findOne();
            }
            return Optional.of(transition(h, id, JobStatus.CANCELLED, "cancelled on request", null));
        });
    }

    /** Whether a user asked this job to stop; extract workers check it at each page boundary. */
    public boolean cancelRequested(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select cancel_requested_at is not null from etl.etl_jobs where id = :id""")
                .bind("id", id)
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
    }

    /**
     * Takes the job for {@code workerId}: from queued or retrying, from running when its
     * heartbeat is older than {@code staleAfter} (its worker died), or from running under
     * this same worker id (a redelivery after this process gave the job up; callers make
     * sure it is not in hand locally). Empty when the job is terminal, unknown, or held by
     * another live worker, so a redelivered job never runs twice at once.
     */
    public Optional<Job> claim(UUID id, String workerId, Duration staleAfter) {
        // Without waiting for the WAL flush: the job's next durable commit (a page, its end) flushes
        // the claim too, and a claim lost in a database crash is as if the worker had not got that far.
        return Hints.inTransaction(jdbi, h -> claim(h, id, workerId, staleAfter));
    }

    /** {@link #claim(UUID, String, Duration)} in the caller's transaction. */
    public Optional<Job> claim(Handle handle, UUID id, String workerId, Duration staleAfter) {
        return handle.createQuery("""
                        update etl.etl_jobs
                           set status = 'running', worker_id = :workerId, heartbeat_at = now(),
                               attempts = attempts + 1, started_at = coalesce(started_at, now()),
                               error = null, version = version + 1, updated_at = now()
                         where id = :id
                           and (status in ('queued', 'retrying')
                                or (status = 'running' and (worker_id = :workerId
                                    or heartbeat_at < now() - make_interval(secs => :staleSeconds))))
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("workerId", workerId)
                .bind("staleSeconds", (double) staleAfter.toSeconds())
                .map(JobMapper.INSTANCE)
                .findOne();
    }

    /** Renews the heartbeat of the running jobs a worker holds. */
    public int heartbeat(String workerId, List<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(h -> h.createUpdate("""
                        update etl.etl_jobs set heartbeat_at = now()
                         where worker_id = :workerId and status = 'running' and id = any(:ids)""")
                .bind("workerId", workerId)
                .bindArray("ids", UUID.class, jobIds)
                .execute());
    }

    /**
     * Stores the resume point of a running job in the caller's transaction (with its page).
     * Fails when the job is no longer running for {@code workerId} (cancelled, or reclaimed
     * after this worker was presumed dead), which rolls the page back.
     */
    public void saveCheckpoint(Handle handle, UUID id, String workerId, String checkpointJson, Map<String, Long> counts) {
        int updated = handle.createUpdate("""
                        update etl.etl_jobs
                           set checkpoint = cast(:checkpoint as jsonb), counts = cast(:counts as jsonb),
                               heartbeat_at = now(), updated_at = now()
                         where id = :id and status = 'running' and worker_id = :workerId""")
                .bind("id", id)
                .bind("workerId", workerId)
                .bind("checkpoint", checkpointJson)
                .bind("counts", JsonColumns.write(counts))
                .execute();
        if (updated == 0) {
            throw new IllegalJobTransitionException(id, find(handle, id).map(Job::status).orElse(null), JobStatus.RUNNING);
        }
    }

    /**
     * Stores, in the caller's transaction (with its page), where one scope of a running job
     * resumes: {@code checkpoint.scopes[scope]} becomes {@code stateJson}, and {@code countDeltas}
     * are added to the job's counts, so pages of several scopes committing concurrently neither
     * overwrite each other's position nor lose counts. The checkpoint must already be an object
     * with a {@code scopes} object. Fails like {@link #saveCheckpoint} when the job is no longer
     * running for {@code workerId}, which rolls the page back.
     *
     * @return whether a cancel was requested for the job
     */
    public boolean saveScopeCheckpoint(Handle handle, UUID id, String workerId, String scope, String stateJson,
            Map<String, Long> countDeltas) {
        Optional<Boolean> cancel = handle.createQuery("""
                        update etl.etl_jobs
                           set checkpoint = jsonb_set(checkpoint, array['scopes', :scope], cast(:state as jsonb), true),
                               counts = (select coalesce(jsonb_object_agg(k, coalesce((counts->>k)::bigint, 0)
                                                                           + coalesce((d.delta->>k)::bigint, 0)), '{}')
                                           from (select cast(:deltas as jsonb) as delta) d,
                                                lateral (select jsonb_object_keys(coalesce(counts, '{}'))
                                                         union select jsonb_object_keys(d.delta)) keys(k)),
                               heartbeat_at = now(), updated_at = now()
                         where id = :id and status = 'running' and worker_id = :workerId
                        returning cancel_requested_at is not null""")
                .bind("id", id)
                .bind("workerId", workerId)
                .bind("scope", scope)
                .bind("state", stateJson)
                .bind("deltas", JsonColumns.write(countDeltas))
                .mapTo(Boolean.class)
                .findOne();
        if (cancel.isEmpty()) {
            throw new IllegalJobTransitionException(id, find(handle, id).map(Job::status).orElse(null), JobStatus.RUNNING);
        }
        return cancel.get();
    }

    public Job transition(UUID id, JobStatus target, String error, Map<String, Long> counts) {
        return jdbi.withHandle(h -> transition(h, id, target, error, counts));
    }

    /**
     * Moves a job to {@code target} if the table allows it from its current status. Terminal
     * targets set {@code finished_at}. {@code counts} null keeps the stored counts.
     */
    public Job transition(Handle handle, UUID id, JobStatus target, String error, Map<String, Long> counts) {
        String[] sources = JobStatus.sourcesOf(target).stream().map(JobStatus::dbValue).toArray(String[]::new);
        return handle.createQuery("""
                        update etl.etl_jobs
                           set status = :target, error = :error,
                               counts = coalesce(cast(:counts as jsonb), counts),
                               finished_at = case when :terminal then now() else finished_at end,
                               worker_id = case when :target = 'queued' then null else worker_id end,
                               version = version + 1, updated_at = now()
                         where id = :id and status = any(:sources)
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("target", target.dbValue())
                .bind("error", error)
                .bind("counts", counts == null ? null : JsonColumns.write(counts))
                .bind("terminal", target.terminal())
                .bindArray("sources", String.class, Arrays.asList(sources))
                .map(JobMapper.INSTANCE)
                .findOne()
                .orElseThrow(() -> new IllegalJobTransitionException(id,
                        find(handle, id).map(Job::status).orElse(null), target));
    }

    /**
     * Hands a running job whose worker stopped heart-beating back to the queue, in the
     * caller's transaction. Only one of several concurrent reclaimers wins.
     *
     * @return whether this call reclaimed it
     */
    public boolean reclaimIfStale(Handle handle, UUID id, Duration staleAfter) {
        return handle.createUpdate("""
                        update etl.etl_jobs
                           set status = 'queued', worker_id = null, version = version + 1, updated_at = now(),
                               error = 'worker stopped heart-beating; job handed back to the queue'
                         where id = :id and status = 'running'
                           and heartbeat_at < now() - make_interval(secs => :staleSeconds)""")
                .bind("id", id)
                .bind("staleSeconds", (double) staleAfter.toSeconds())
                .execute() == 1;
    }

    /** Running jobs whose heartbeat is older than {@code staleAfter}: their worker died. */
    public List<Job> stale(Duration staleAfter, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.etl_jobs
                        where status = 'running' and heartbeat_at < now() - make_interval(secs => :staleSeconds)
                        order by heartbeat_at limit :limit""")
                .bind("staleSeconds", (double) staleAfter.toSeconds())
                .bind("limit", limit)
                .map(JobMapper.INSTANCE)
                .list());
    }

    /** Job counts by status for the transform children of an extract job. */
    public Map<JobStatus, Long> childStatusCounts(UUID parentId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select status, count(*) as n from etl.etl_jobs where parent_id = :parentId group by status""")
                .bind("parentId", parentId)
                .reduceRows(new java.util.EnumMap<JobStatus, Long>(JobStatus.class), (acc, row) -> {
                    acc.put(JobStatus.fromDb(row.getColumn("status", String.class)), row.getColumn("n", Long.class));
                    return acc;
                }));
    }
}
