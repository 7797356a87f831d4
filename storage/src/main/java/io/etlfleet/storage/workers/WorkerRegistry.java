package io.etlfleet.storage.workers;

import io.etlfleet.storage.JsonColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

/** Registers worker processes, renews their heartbeat and lists them. */
public class WorkerRegistry {

    private static final TypeReference<Map<String, Integer>> CONCURRENCY = new TypeReference<>() {
    };

    private final Jdbi jdbi;

    public WorkerRegistry(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void register(String id, String kind, List<String> types, Map<String, Integer> concurrency, String host, long pid) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into etl.workers (id, kind, types, concurrency, host, pid)
                        values (:id, :kind, :types, cast(:concurrency as jsonb), :host, :pid)
                        on conflict (id) do update set types = excluded.types, concurrency = excluded.concurrency,
                               heartbeat_at = now(), stopped_at = null""")
                .bind("id", id)
                .bind("kind", kind)
                .bindArray("types", String.class, types)
                .bind("concurrency", JsonColumns.write(concurrency))
                .bind("host", host)
                .bind("pid", pid)
                .execute());
    }

    public void heartbeat(String id, int jobsInHand) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update etl.workers set heartbeat_at = now(), jobs_in_hand = :jobs where id = :id""")
                .bind("id", id)
                .bind("jobs", jobsInHand)
                .execute());
    }

    public void deregister(String id) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update etl.workers set stopped_at = now(), jobs_in_hand = 0 where id = :id""")
                .bind("id", id)
                .execute());
    }

    /** Workers that have not stopped, most recently started first. */
    public List<WorkerInfo> live() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, kind, types, concurrency::text as concurrency, host, pid, jobs_in_hand, started_at,
                               heartbeat_at, stopped_at
                          from etl.workers where stopped_at is null order by started_at desc""")
                .map((rs, ctx) -> new WorkerInfo(
                        rs.getString("id"),
                        rs.getString("kind"),
                        Arrays.asList((String[]) rs.getArray("types").getArray()),
                        JsonColumns.MAPPER.readValue(rs.getString("concurrency"), CONCURRENCY),
                        rs.getString("host"),
                        rs.getLong("pid"),
                        rs.getInt("jobs_in_hand"),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("heartbeat_at")),
                        instant(rs.getTimestamp("stopped_at"))))
                .list());
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
