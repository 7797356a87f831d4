package io.etlfleet.storage.raw;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

final class RawRowMapper implements RowMapper<RawRow> {

    static final RawRowMapper INSTANCE = new RawRowMapper();

    @Override
    public RawRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RawRow(
                rs.getLong("id"),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("integration_id", UUID.class),
                rs.getString("entity_type"),
                rs.getString("external_id"),
                LosslessJson.restore(rs.getString("raw_json"), rs.getString("lossless")),
                instant(rs.getTimestamp("source_updated_at")),
                rs.getObject("batch_id", UUID.class),
                instant(rs.getTimestamp("extracted_at")));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
