package io.etlfleet.storage.jobs;

import io.etlfleet.storage.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

final class JobMapper implements RowMapper<Job> {

    static final JobMapper INSTANCE = new JobMapper();

    @Override
    public Job map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Job(
                rs.getObject("id", UUID.class),
                JobKind.fromDb(rs.getString("kind")),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("integration_id", UUID.class),
                rs.getString("integration_type"),
                rs.getString("entity_type"),
                rs.getString("mode"),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("batch_id", UUID.class),
                JobStatus.fromDb(rs.getString("status")),
                rs.getInt("attempts"),
                JsonColumns.counts(rs.getString("counts")),
                rs.getString("checkpoint"),
                rs.getString("error"),
                rs.getString("worker_id"),
                instant(rs, "heartbeat_at"),
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "updated_at"),
                instant(rs, "cancel_requested_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
