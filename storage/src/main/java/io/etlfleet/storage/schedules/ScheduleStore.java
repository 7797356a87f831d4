package io.etlfleet.storage.schedules;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads and writes {@code etl.schedules} and {@code etl.schedule_runs}. Methods taking a
 * {@link Handle} join the caller's transaction; {@link #lockDue} is what makes a due
 * schedule fire once across several API instances.
 */
public class ScheduleStore {

    private static final String COLUMNS = """
            id, tenant_id, integration_id, cron, entities, mode, enabled, next_run_at, last_run_at,
            created_at, updated_at""";

    private static final RowMapper<Schedule> MAPPER = (rs, ctx) -> new Schedule(
            rs.getObject("id", UUID.class),
            rs.getObject("tenant_id", UUID.class),
            rs.getObject("integration_id", UUID.class),
            rs.getString("cron"),
            texts(rs.getArray("entities")),
            rs.getString("mode"),
            rs.getBoolean("enabled"),
            instant(rs.getTimestamp("next_run_at")),
            instant(rs.getTimestamp("last_run_at")),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("updated_at")));

    private static final RowMapper<ScheduleRun> RUN_MAPPER = (rs, ctx) -> new ScheduleRun(
            rs.getLong("id"),
            rs.getObject("schedule_id", UUID.class),
            instant(rs.getTimestamp("due_at")),
            instant(rs.getTimestamp("fired_at")),
            rs.getString("fired_by"),
            rs.getString("outcome"),
            uuids(rs.getArray("job_ids")),
            texts(rs.getArray("skipped_entities")),
            rs.getString("reason"));

    private final Jdbi jdbi;

    public ScheduleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Schedule insert(UUID tenantId, UUID integrationId, String cron, List<String> entities, String mode,
            boolean enabled, Instant nextRunAt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into etl.schedules (id, tenant_id, integration_id, cron, entities, mode, enabled, next_run_at)
                        values (:id, :tenantId, :integrationId, :cron, :entities, :mode, :enabled, :nextRunAt)
                        returning\s""" + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("tenantId", tenantId)
                .bind("integrationId", integrationId)
                .bind("cron", cron)
                .bindArray("entities", String.class, entities)
                .bind("mode", mode)
                .bind("enabled", enabled)
                .bind("nextRunAt", nextRunAt)
                .map(MAPPER)
                .one());
    }

    public Optional<Schedule> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from etl.schedules where id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
    }

    /** Schedules by creation, optionally of one tenant and one integration (null means any). */
    public List<Schedule> list(UUID tenantId, UUID integrationId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.schedules
                        where (cast(:tenantId as uuid) is null or tenant_id = :tenantId)
                          and (cast(:integrationId as uuid) is null or integration_id = :integrationId)
                        order by created_at, id""")
                .bind("tenantId", tenantId)
                .bind("integrationId", integrationId)
                .map(MAPPER)
                .list());
    }

    /** Replaces what a caller may change; empty when the schedule no longer exists. */
    public Optional<Schedule> update(UUID id, String cron, List<String> entities, String mode, boolean enabled,
            Instant nextRunAt) {
        return jdbi.withHandle(h -> h.createQuery("""
                        update etl.schedules
                           set cron = :cron, entities = :entities, mode = :mode, enabled = :enabled,
                               next_run_at = :nextRunAt, updated_at = now()
                         where id = :id
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("cron", cron)
                .bindArray("entities", String.class, entities)
                .bind("mode", mode)
                .bind("enabled", enabled)
                .bind("nextRunAt", nextRunAt)
                .map(MAPPER)
                .findOne());
    }

    public boolean delete(UUID id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from etl.schedules where id = :id").bind("id", id).execute()) == 1;
    }

    /**
     * Locks up to {@code limit} enabled schedules due at {@code now}, earliest first, skipping
     * those another instance holds. A schedule another instance fired meanwhile no longer
     * matches: PostgreSQL re-checks the condition on the latest row version before locking.
     */
    public List<Schedule> lockDue(Handle handle, Instant now, int limit) {
        return handle.createQuery("select " + COLUMNS + """
                         from etl.schedules
                        where enabled and next_run_at <= :now
                        order by next_run_at, id
                        limit :limit
                        for update skip locked""")
                .bind("now", now)
                .bind("limit", limit)
                .map(MAPPER)
                .list();
    }

    /** Records a firing and moves the schedule on to its next due time, in the caller's transaction. */
    public void recordRun(Handle handle, Schedule schedule, Instant firedAt, String firedBy, List<UUID> jobIds,
            List<String> skippedEntities, String reason, Instant nextRunAt) {
        handle.createUpdate("""
                        insert into etl.schedule_runs (schedule_id, due_at, fired_at, fired_by, outcome, job_ids,
                                                       skipped_entities, reason)
                        values (:scheduleId, :dueAt, :firedAt, :firedBy, :outcome, :jobIds, :skipped, :reason)""")
                .bind("scheduleId", schedule.id())
                .bind("dueAt", schedule.nextRunAt())
                .bind("firedAt", firedAt)
                .bind("firedBy", firedBy)
                .bind("outcome", jobIds.isEmpty() ? ScheduleRun.SKIPPED : ScheduleRun.ENQUEUED)
                .bindArray("jobIds", UUID.class, jobIds)
                .bindArray("skipped", String.class, skippedEntities)
                .bind("reason", reason)
                .execute();
        handle.createUpdate("""
                        update etl.schedules set next_run_at = :nextRunAt, last_run_at = :firedAt where id = :id""")
                .bind("id", schedule.id())
                .bind("nextRunAt", nextRunAt)
                .bind("firedAt", firedAt)
                .execute();
    }

    /** The most recent firings of a schedule, newest first. */
    public List<ScheduleRun> runs(UUID scheduleId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, schedule_id, due_at, fired_at, fired_by, outcome, job_ids, skipped_entities, reason
                          from etl.schedule_runs where schedule_id = :scheduleId
                         order by fired_at desc, id desc limit :limit""")
                .bind("scheduleId", scheduleId)
                .bind("limit", limit)
                .map(RUN_MAPPER)
                .list());
    }

    /**
     * Which of {@code entities} have an extract job of this integration still queued, running or
     * retrying. Takes a transaction-scoped advisory lock on the integration first, so two
     * schedules of one integration firing at once on two instances decide one after the other.
     */
    public Set<String> activeExtractEntities(Handle handle, UUID integrationId, List<String> entities) {
        handle.createQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) as locked")
                .bind("key", "etl.schedules:" + integrationId)
                .mapTo(Integer.class)
                .one();
        return handle.createQuery("""
                        select distinct entity_type from etl.etl_jobs
                         where kind = 'extract' and integration_id = :integrationId and entity_type = any(:entities)
                           and status in ('queued', 'running', 'retrying')""")
                .bind("integrationId", integrationId)
                .bindArray("entities", String.class, entities)
                .mapTo(String.class)
                .collect(Collectors.toSet());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
