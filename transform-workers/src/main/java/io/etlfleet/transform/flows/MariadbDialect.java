package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MariaDB and MySQL: multi-row {@code INSERT .. ON DUPLICATE KEY UPDATE}; tables in
 * {@code utf8mb4} with the binary collation, so keys compare exactly as in the other
 * databases (case and accents count); timestamps in {@code DATETIME(6)} holding UTC, bound
 * as the UTC {@link java.time.LocalDateTime} so no driver or session time zone shifts them.
 * DDL commits the transaction it runs in. The schema is the database.
 */
final class MariadbDialect extends BaseDialect {

    private static final int MAX_KEY_CHARACTERS = 255;
    private static final int TABLE_EXISTS = 1050;
    private static final int DUPLICATE_COLUMN = 1060;

    @Override
    public String type() {
        return "mariadb";
    }

    @Override
    String quoteValid(String identifier) {
        return '`' + identifier + '`';
    }

    @Override
    public String sqlType(ColumnType type, boolean key) {
        return switch (type) {
            case TEXT -> key ? "VARCHAR(" + MAX_KEY_CHARACTERS + ")" : "LONGTEXT";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case NUMERIC -> "DECIMAL(" + ColumnType.NUMERIC_PRECISION + "," + ColumnType.NUMERIC_SCALE + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "DATETIME(6)";
            case JSONB -> "JSON";
        };
    }

    @Override
    String runIdType() {
        return "VARCHAR(36)";
    }

    @Override
    public String createTableSql(String schema, FlowDefinition flow) {
        return "CREATE TABLE IF NOT EXISTS " + table(schema, flow.targetTable()) + " (" + tableBody(flow)
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    public String addColumnSql(String schema, String table, String column, ColumnType type) {
        return "ALTER TABLE " + table(schema, table) + " ADD COLUMN " + quote(column) + " " + sqlType(type, false);
    }

    /**
     * Every column takes the new value only when the stored raw id is at most the new one;
     * {@code _etl_raw_id} is assigned last, because MariaDB evaluates the assignments in order
     * and the others compare against the stored one.
     */
    @Override
    public String mergeSql(String schema, FlowDefinition flow, int rows) {
        Set<String> key = Set.copyOf(flow.key());
        String rawId = quote(FlowNames.RAW_ID);
        String newer = rawId + " <= VALUES(" + rawId + ")";
        List<String> updates = new ArrayList<>();
        for (Column column : columns(flow)) {
            if (!key.contains(column.name()) && !column.name().equals(FlowNames.RAW_ID)) {
                String name = quote(column.name());
                updates.add(name + " = IF(" + newer + ", VALUES(" + name + "), " + name + ")");
            }
        }
        updates.add(rawId + " = IF(" + newer + ", VALUES(" + rawId + "), " + rawId + ")");
        return "INSERT INTO " + table(schema, flow.targetTable()) + " (" + columnList(flow) + ") VALUES "
                + valueRows(flow, rows) + " ON DUPLICATE KEY UPDATE " + String.join(", ", updates);
    }

    /**
     * A no-op update on a duplicate raw id rather than {@code INSERT IGNORE}, which would also
     * turn a value the column cannot hold into a warning and store it cut or zeroed.
     */
    @Override
    public String appendSql(String schema, FlowDefinition flow, int rows) {
        String rawId = quote(FlowNames.RAW_ID);
        return "INSERT INTO " + table(schema, flow.targetTable()) + " (" + columnList(flow) + ") VALUES "
                + valueRows(flow, rows) + " ON DUPLICATE KEY UPDATE " + rawId + " = " + rawId;
    }

    @Override
    public int rowsPerStatement(int columns) {
        return rowsWithin(columns);
    }

    @Override
    MetadataScope scope(Connection connection, String schema, String table) throws SQLException {
        return new MetadataScope(schema != null ? schema : connection.getCatalog(), null, table);
    }

    @Override
    public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (type == ColumnType.TIMESTAMP) {
            if (value == null) {
                statement.setNull(index, Types.TIMESTAMP);
            } else {
                statement.setObject(index, ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
            }
            return;
        }
        super.bind(statement, index, type, value);
    }

    @Override
    int maxKeyCharacters() {
        return MAX_KEY_CHARACTERS;
    }

    @Override
    public String refusal(ColumnType type, boolean key, Object value) {
        if (type == ColumnType.TIMESTAMP && ((OffsetDateTime) value).getYear() < 1000) {
            return value + " is before 1000-01-01, the earliest a mariadb DATETIME holds";
        }
        return super.refusal(type, key, value);
    }

    @Override
    public boolean alreadyExists(SQLException e) {
        return e.getErrorCode() == TABLE_EXISTS || e.getErrorCode() == DUPLICATE_COLUMN;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }
}
