package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowNames;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Oracle: names folded to upper case and quoted (a column {@code amount} is {@code "AMOUNT"},
 * so unquoted SQL finds it; the {@code _ETL_*} columns need quotes, as Oracle names cannot
 * start with {@code _}); one {@code MERGE} per row sent as a JDBC batch; booleans as
 * {@code NUMBER(1)}; text and jsonb as {@code CLOB} bound as character streams, key text as
 * {@code VARCHAR2(1000 CHAR)}. Oracle stores an empty string as null, so an empty text key is
 * refused. Before 23ai Oracle has no {@code CREATE TABLE IF NOT EXISTS}: a table created
 * concurrently is recognised by ORA-00955. DDL commits the transaction it runs in.
 */
final class OracleDialect extends BaseDialect {

    private static final int MAX_KEY_CHARACTERS = 1000;
    private static final int NAME_IN_USE = 955;
    private static final int COLUMN_EXISTS = 1430;

    @Override
    public String type() {
        return "oracle";
    }

    @Override
    String quoteValid(String identifier) {
        return '"' + identifier.toUpperCase(Locale.ROOT) + '"';
    }

    @Override
    public String sqlType(ColumnType type, boolean key) {
        return switch (type) {
            case TEXT -> key ? "VARCHAR2(" + MAX_KEY_CHARACTERS + " CHAR)" : "CLOB";
            case INTEGER -> "NUMBER(10)";
            case BIGINT -> "NUMBER(19)";
            case NUMERIC -> "NUMBER(" + ColumnType.NUMERIC_PRECISION + "," + ColumnType.NUMERIC_SCALE + ")";
            case BOOLEAN -> "NUMBER(1)";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP(6) WITH TIME ZONE";
            case JSONB -> "CLOB";
        };
    }

    @Override
    String runIdType() {
        return "VARCHAR2(36)";
    }

    @Override
    public String createTableSql(String schema, FlowDefinition flow) {
        return "CREATE TABLE " + table(schema, flow.targetTable()) + " (" + tableBody(flow) + ")";
    }

    @Override
    public String addColumnSql(String schema, String table, String column, ColumnType type) {
        return "ALTER TABLE " + table(schema, table) + " ADD (" + quote(column) + " " + sqlType(type, false) + ")";
    }

    private String source(FlowDefinition flow) {
        return "(SELECT " + columns(flow).stream().map(c -> "? AS " + quote(c.name())).collect(Collectors.joining(", "))
                + " FROM dual) s";
    }

    private String insert(FlowDefinition flow) {
        return "WHEN NOT MATCHED THEN INSERT (" + columnList(flow) + ") VALUES ("
                + columns(flow).stream().map(c -> "s." + quote(c.name())).collect(Collectors.joining(", ")) + ")";
    }

    /** Oracle has no {@code WHEN MATCHED AND}: the raw id condition is the update's {@code WHERE}. */
    @Override
    public String mergeSql(String schema, FlowDefinition flow, int rows) {
        requireOneRow(rows);
        Set<String> key = Set.copyOf(flow.key());
        String on = flow.key().stream().map(k -> "t." + quote(k) + " = s." + quote(k)).collect(Collectors.joining(" AND "));
        String updates = columns(flow).stream().map(Column::name).filter(name -> !key.contains(name))
                .map(name -> "t." + quote(name) + " = s." + quote(name)).collect(Collectors.joining(", "));
        String rawId = quote(FlowNames.RAW_ID);
        return "MERGE INTO " + table(schema, flow.targetTable()) + " t USING " + source(flow) + " ON (" + on + ")"
                + " WHEN MATCHED THEN UPDATE SET " + updates + " WHERE t." + rawId + " <= s." + rawId + " " + insert(flow);
    }

    @Override
    public String appendSql(String schema, FlowDefinition flow, int rows) {
        requireOneRow(rows);
        String rawId = quote(FlowNames.RAW_ID);
        return "MERGE INTO " + table(schema, flow.targetTable()) + " t USING " + source(flow) + " ON (t." + rawId
                + " = s." + rawId + ") " + insert(flow);
    }

    static void requireOneRow(int rows) {
        if (rows != 1) {
            throw new IllegalArgumentException("one row per statement, not " + rows);
        }
    }

    @Override
    public int rowsPerStatement(int columns) {
        return 1;
    }

    @Override
    MetadataScope scope(Connection connection, String schema, String table) throws SQLException {
        return new MetadataScope(null, schema != null ? schema.toUpperCase(Locale.ROOT) : connection.getSchema(),
                table.toUpperCase(Locale.ROOT));
    }

    /**
     * Text up to 1,000 characters (every key) binds as a string, which fits a VARCHAR2 in
     * any character set; longer text as a character stream, since a string bind in SQL holds
     * 4,000 bytes at most.
     */
    @Override
    public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        switch (type) {
            case TEXT, JSONB -> {
                if (value == null) {
                    statement.setNull(index, Types.VARCHAR);
                } else {
                    String text = (String) value;
                    if (text.length() <= MAX_KEY_CHARACTERS) {
                        statement.setString(index, text);
                    } else {
                        statement.setCharacterStream(index, new StringReader(text), text.length());
                    }
                }
            }
            case BOOLEAN -> {
                if (value == null) {
                    statement.setNull(index, Types.INTEGER);
                } else {
                    statement.setInt(index, (Boolean) value ? 1 : 0);
                }
            }
            default -> super.bind(statement, index, type, value);
        }
    }

    @Override
    int maxKeyCharacters() {
        return MAX_KEY_CHARACTERS;
    }

    @Override
    public String refusal(ColumnType type, boolean key, Object value) {
        if (key && type == ColumnType.TEXT && ((String) value).isEmpty()) {
            return "an empty text key, which oracle stores as null";
        }
        return super.refusal(type, key, value);
    }

    @Override
    public boolean alreadyExists(SQLException e) {
        return e.getErrorCode() == NAME_IN_USE || e.getErrorCode() == COLUMN_EXISTS;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }
}
