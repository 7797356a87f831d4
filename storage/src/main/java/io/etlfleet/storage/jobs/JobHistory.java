package io.etlfleet.storage.jobs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what happened to jobs: a job's timeline ({@code etl.job_events}, written by triggers
 * on {@code etl.etl_jobs} in the transaction of each status change) and counts by hour.
 */
public class JobHistory {

    public static final int MAX_HOURS = 24 * 31;

    private final Jdbi jdbi;

    public JobHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The job's events, oldest first. */
    public List<JobEvent> timeline(UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select at, status, message from etl.job_events where job_id = :jobId order by id""")
                .bind("jobId", jobId)
                .map((rs, ctx) -> new JobEvent(rs.getTimestamp("at").toInstant(), rs.getString("status"),
                        rs.getString("message")))
                .list());
    }

    /**
     * Jobs created in the last {@code hours} hours, counted by creation hour and current
     * status, oldest hour first; {@code tenantId} null counts every tenant's.
     */
    public List<HourlyJobCount> countsByHour(UUID tenantId, int hours) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be between 1 and " + MAX_HOURS);
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select date_trunc('hour', created_at at time zone 'UTC') at time zone 'UTC' as hour,
                               status, count(*) as n
                          from etl.etl_jobs
                         where created_at >= date_trunc('hour', now()) - make_interval(hours => :hours - 1)
                           and (cast(:tenantId as uuid) is null or tenant_id = :tenantId)
                         group by 1, 2
                         order by 1, 2""")
                .bind("tenantId", tenantId)
                .bind("hours", hours)
                .map((rs, ctx) -> new HourlyJobCount(rs.getTimestamp("hour").toInstant(), rs.getString("status"),
                        rs.getLong("n")))
                .list());
    }

    /** When the last extract job of each entity type of an integration succeeded. */
    public Map<String, Instant> lastSuccessByEntity(UUID integrationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select entity_type, max(finished_at) as at from etl.etl_jobs
                         where integration_id = :integrationId and kind = 'extract' and status = 'succeeded'
                         group by entity_type""")
                .bind("integrationId", integrationId)
                .reduceRows(new LinkedHashMap<String, Instant>(), (acc, row) -> {
                    Timestamp at = row.getColumn("at", Timestamp.class);
                    acc.put(row.getColumn("entity_type", String.class), at == null ? null : at.toInstant());
                    return acc;
                }));
    }

    /** How many of an integration's jobs are queued, running or waiting to retry. */
    public long activeJobs(UUID integrationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.etl_jobs
                         where integration_id = :integrationId and status in ('queued', 'running', 'retrying')""")
                .bind("integrationId", integrationId)
                .mapTo(Long.class)
                .one());
    }
}
