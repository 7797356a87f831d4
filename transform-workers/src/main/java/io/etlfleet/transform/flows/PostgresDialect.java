package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowNames;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * PostgreSQL: multi-row {@code INSERT .. ON CONFLICT}, {@code timestamptz} bound as
 * {@link java.time.OffsetDateTime}, {@code jsonb} cast from its text, {@code uuid} run ids.
 * DDL is transactional and uses {@code IF NOT EXISTS}.
 */
final class PostgresDialect extends BaseDialect {

    /** Bytes of a text key value; a btree entry holds about 2,700. */
    private static final int MAX_KEY_BYTES = 2000;
    /** SQLStates of a concurrent CREATE or ADD COLUMN that lost the race: duplicate table, duplicate column, unique violation (pg_type). */
    private static final Set<String> ALREADY_EXISTS = Set.of("42P07", "42701", "23505");

    @Override
    public String type() {
        return "postgresql";
    }

    @Override
    String quoteValid(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String sqlType(ColumnType type, boolean key) {
        return switch (type) {
            case TEXT -> "text";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case NUMERIC -> "numeric(" + ColumnType.NUMERIC_PRECISION + "," + ColumnType.NUMERIC_SCALE + ")";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamptz";
            case JSONB -> "jsonb";
        };
    }

    @Override
    String runIdType() {
        return "uuid";
    }

    @Override
    public String createTableSql(String schema, FlowDefinition flow) {
        return "CREATE TABLE IF NOT EXISTS " + table(schema, flow.targetTable()) + " (" + tableBody(flow) + ")";
    }

    @Override
    public String addColumnSql(String schema, String table, String column, ColumnType type) {
        return "ALTER TABLE " + table(schema, table) + " ADD COLUMN IF NOT EXISTS " + quote(column) + " " + sqlType(type, false);
    }

    @Override
    String placeholder(Column column) {
        return column.type() == ColumnType.JSONB ? "CAST(? AS jsonb)" : "?";
    }

    @Override
    public String mergeSql(String schema, FlowDefinition flow, int rows) {
        Set<String> key = Set.copyOf(flow.key());
        String updates = columns(flow).stream().map(Column::name).filter(name -> !key.contains(name))
                .map(name -> quote(name) + " = EXCLUDED." + quote(name)).collect(Collectors.joining(", "));
        String rawId = quote(FlowNames.RAW_ID);
        return "INSERT INTO " + table(schema, flow.targetTable()) + " AS t (" + columnList(flow) + ") VALUES "
                + valueRows(flow, rows) + " ON CONFLICT (" + list(flow.key()) + ") DO UPDATE SET " + updates
                + " WHERE t." + rawId + " <= EXCLUDED." + rawId;
    }

    @Override
    public String appendSql(String schema, FlowDefinition flow, int rows) {
        return "INSERT INTO " + table(schema, flow.targetTable()) + " (" + columnList(flow) + ") VALUES "
                + valueRows(flow, rows) + " ON CONFLICT (" + quote(FlowNames.RAW_ID) + ") DO NOTHING";
    }

    @Override
    public int rowsPerStatement(int columns) {
        return rowsWithin(columns);
    }

    @Override
    public void bindRunId(PreparedStatement statement, int index, UUID runId) throws SQLException {
        statement.setObject(index, runId);
    }

    @Override
    int maxKeyCharacters() {
        return MAX_KEY_BYTES;
    }

    @Override
    public String refusal(ColumnType type, boolean key, Object value) {
        if (key && type == ColumnType.TEXT) {
            int bytes = ((String) value).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_KEY_BYTES) {
                return "a key of " + bytes + " bytes is longer than the " + MAX_KEY_BYTES + " a postgresql key column holds";
            }
        }
        return null;
    }

    @Override
    public boolean alreadyExists(SQLException e) {
        return ALREADY_EXISTS.contains(e.getSQLState());
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }
}
