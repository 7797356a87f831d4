package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowNames;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQL Server: one {@code MERGE .. WITH (HOLDLOCK)} per row sent as a JDBC batch (HOLDLOCK
 * keeps two workers from inserting the same key at once); text as {@code NVARCHAR(MAX)}, key
 * text as {@code NVARCHAR(450)} (900 bytes, an index key's limit); timestamps as
 * {@code DATETIMEOFFSET(6)}; booleans as {@code BIT}. Text keys compare by the database's
 * collation, by default without case. DDL is transactional; a table created concurrently is
 * recognised by error 2714.
 */
final class SqlServerDialect extends BaseDialect {

    private static final int MAX_KEY_CHARACTERS = 450;
    private static final int OBJECT_EXISTS = 2714;
    private static final int COLUMN_EXISTS = 2705;

    @Override
    public String type() {
        return "sqlserver";
    }

    @Override
    String quoteValid(String identifier) {
        return '[' + identifier + ']';
    }

    @Override
    public String sqlType(ColumnType type, boolean key) {
        return switch (type) {
            case TEXT -> key ? "NVARCHAR(" + MAX_KEY_CHARACTERS + ")" : "NVARCHAR(MAX)";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case NUMERIC -> "DECIMAL(" + ColumnType.NUMERIC_PRECISION + "," + ColumnType.NUMERIC_SCALE + ")";
            case BOOLEAN -> "BIT";
            case DATE -> "DATE";
            case TIMESTAMP -> "DATETIMEOFFSET(6)";
            case JSONB -> "NVARCHAR(MAX)";
        };
    }

    @Override
    String runIdType() {
        return "VARCHAR(36)";
    }

    /** The name inside the literal is one {@link #quote} accepted, so it holds no quote of either kind. */
    @Override
    public String createTableSql(String schema, FlowDefinition flow) {
        String table = table(schema, flow.targetTable());
        return "IF OBJECT_ID(N'" + table + "', N'U') IS NULL CREATE TABLE " + table + " (" + tableBody(flow) + ")";
    }

    @Override
    public String addColumnSql(String schema, String table, String column, ColumnType type) {
        return "ALTER TABLE " + table(schema, table) + " ADD " + quote(column) + " " + sqlType(type, false);
    }

    private String source(FlowDefinition flow) {
        return "(VALUES (" + columns(flow).stream().map(c -> "?").collect(Collectors.joining(", ")) + ")) AS s ("
                + columnList(flow) + ")";
    }

    private String insert(FlowDefinition flow) {
        return "WHEN NOT MATCHED THEN INSERT (" + columnList(flow) + ") VALUES ("
                + columns(flow).stream().map(c -> "s." + quote(c.name())).collect(Collectors.joining(", ")) + ");";
    }

    @Override
    public String mergeSql(String schema, FlowDefinition flow, int rows) {
        OracleDialect.requireOneRow(rows);
        Set<String> key = Set.copyOf(flow.key());
        String on = flow.key().stream().map(k -> "t." + quote(k) + " = s." + quote(k)).collect(Collectors.joining(" AND "));
        String updates = columns(flow).stream().map(Column::name).filter(name -> !key.contains(name))
                .map(name -> "t." + quote(name) + " = s." + quote(name)).collect(Collectors.joining(", "));
        String rawId = quote(FlowNames.RAW_ID);
        return "MERGE INTO " + table(schema, flow.targetTable()) + " WITH (HOLDLOCK) AS t USING " + source(flow)
                + " ON " + on + " WHEN MATCHED AND t." + rawId + " <= s." + rawId + " THEN UPDATE SET " + updates + " "
                + insert(flow);
    }

    @Override
    public String appendSql(String schema, FlowDefinition flow, int rows) {
        OracleDialect.requireOneRow(rows);
        String rawId = quote(FlowNames.RAW_ID);
        return "MERGE INTO " + table(schema, flow.targetTable()) + " WITH (HOLDLOCK) AS t USING " + source(flow)
                + " ON t." + rawId + " = s." + rawId + " " + insert(flow);
    }

    @Override
    public int rowsPerStatement(int columns) {
        return 1;
    }

    @Override
    int maxKeyCharacters() {
        return MAX_KEY_CHARACTERS;
    }

    @Override
    public boolean alreadyExists(SQLException e) {
        return e.getErrorCode() == OBJECT_EXISTS || e.getErrorCode() == COLUMN_EXISTS;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }
}
