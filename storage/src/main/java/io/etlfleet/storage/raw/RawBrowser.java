package io.etlfleet.storage.raw;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads stored raw objects for people and scripts: keyset-paged listings and single objects. */
public class RawBrowser {

    private static final String COLUMNS = """
            id, tenant_id, integration_id, entity_type, external_id, raw_data::text as raw_json,
            extraction_metadata::text as metadata_json, content_hash, source_updated_at, job_id, batch_id,
            extracted_at, (select l.loaded_at from etl.raw_batch_loads l where l.batch_id = r.batch_id) as transformed_at""";

    private final Jdbi jdbi;

    public RawBrowser(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<RawObject> list(RawQuery query) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.raw_extraction_data r
                        where (cast(:tenantId as uuid) is null or tenant_id = :tenantId)
                          and (cast(:integrationId as uuid) is null or integration_id = :integrationId)
                          and (cast(:entityType as text) is null or entity_type = :entityType)
                          and (cast(:externalId as text) is null or external_id = :externalId)
                          and (cast(:from as timestamptz) is null or extracted_at >= :from)
                          and (cast(:to as timestamptz) is null or extracted_at < :to)
                          and (cast(:beforeId as bigint) is null or id < :beforeId)
                        order by id desc
                        limit :limit""")
                .bind("tenantId", query.tenantId())
                .bind("integrationId", query.integrationId())
                .bind("entityType", query.entityType())
                .bind("externalId", query.externalId())
                .bind("from", timestamp(query.from()))
                .bind("to", timestamp(query.to()))
                .bind("beforeId", query.beforeId())
                .bind("limit", query.limit())
                .map(RawBrowser::map)
                .list());
    }

    /** The object if it exists and belongs to {@code tenantId} (any tenant's when null). */
    public Optional<RawObject> find(UUID tenantId, long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.raw_extraction_data r
                        where id = :id and (cast(:tenantId as uuid) is null or tenant_id = :tenantId)""")
                .bind("id", id)
                .bind("tenantId", tenantId)
                .map(RawBrowser::map)
                .findOne());
    }

    private static RawObject map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RawObject(rs.getLong("id"), rs.getObject("tenant_id", UUID.class),
                rs.getObject("integration_id", UUID.class), rs.getString("entity_type"), rs.getString("external_id"),
                rs.getString("raw_json"), rs.getString("metadata_json"), HexFormat.of().formatHex(rs.getBytes("content_hash")),
                instant(rs.getTimestamp("source_updated_at")), rs.getObject("job_id", UUID.class),
                rs.getObject("batch_id", UUID.class), instant(rs.getTimestamp("extracted_at")),
                instant(rs.getTimestamp("transformed_at")));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }
}
