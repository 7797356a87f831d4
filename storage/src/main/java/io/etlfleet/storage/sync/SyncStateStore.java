package io.etlfleet.storage.sync;

import io.etlfleet.storage.JsonColumns;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads and writes {@code etl.sync_state}. */
public class SyncStateStore {

    private final Jdbi jdbi;

    public SyncStateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<SyncState> find(UUID integrationId, String entityType, String scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select tenant_id, integration_id, entity_type, scope, cursor::text as cursor, window_start,
                               window_end, last_job_id, updated_at
                          from etl.sync_state
                         where integration_id = :integrationId and entity_type = :entityType and scope = :scope""")
                .bind("integrationId", integrationId)
                .bind("entityType", entityType)
                .bind("scope", scope)
                .map((rs, ctx) -> new SyncState(
                        rs.getObject("tenant_id", UUID.class),
                        rs.getObject("integration_id", UUID.class),
                        rs.getString("entity_type"),
                        rs.getString("scope"),
                        JsonColumns.strings(rs.getString("cursor")),
                        instant(rs.getTimestamp("window_start")),
                        instant(rs.getTimestamp("window_end")),
                        rs.getObject("last_job_id", UUID.class),
                        instant(rs.getTimestamp("updated_at"))))
                .findOne());
    }

    public List<SyncState> forIntegration(UUID integrationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select entity_type, scope from etl.sync_state where integration_id = :integrationId
                         order by entity_type, scope""")
                .bind("integrationId", integrationId)
                .map((rs, ctx) -> find(integrationId, rs.getString("entity_type"), rs.getString("scope")).orElseThrow())
                .list());
    }

    /**
     * Forgets every cursor of one entity type of an integration, so its next incremental run
     * reads everything again. Returns how many scopes were reset.
     */
    public int reset(UUID integrationId, String entityType) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        delete from etl.sync_state where integration_id = :integrationId and entity_type = :entityType""")
                .bind("integrationId", integrationId)
                .bind("entityType", entityType)
                .execute());
    }

    /** Stores the cursor in the caller's transaction, together with the page that completed the run. */
    public void save(Handle handle, SyncState state) {
        handle.createUpdate("""
                        insert into etl.sync_state (tenant_id, integration_id, entity_type, scope, cursor, window_start,
                                                    window_end, last_job_id, updated_at)
                        values (:tenantId, :integrationId, :entityType, :scope, cast(:cursor as jsonb), :windowStart,
                                :windowEnd, :lastJobId, now())
                        on conflict (integration_id, entity_type, scope) do update
                           set cursor = excluded.cursor, window_start = excluded.window_start,
                               window_end = excluded.window_end, last_job_id = excluded.last_job_id,
                               updated_at = now()""")
                .bind("tenantId", state.tenantId())
                .bind("integrationId", state.integrationId())
                .bind("entityType", state.entityType())
                .bind("scope", state.scope())
                .bind("cursor", JsonColumns.write(state.cursor()))
                .bind("windowStart", timestamp(state.windowStart()))
                .bind("windowEnd", timestamp(state.windowEnd()))
                .bind("lastJobId", state.lastJobId())
                .execute();
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
