package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowMapping;
import io.etlfleet.storage.flows.FlowNames;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the four dialects share: name checks, the column list, metadata reads and standard JDBC binding. */
abstract class BaseDialect implements DestinationDialect {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    /** Bind parameters per multi-row statement, well under every driver's limit. */
    static final int MAX_PARAMETERS = 30_000;

    /** A column a flow's statements write. */
    record Column(String name, ColumnType type, boolean key) {
    }

    @Override
    public final String quote(String identifier) {
        if (identifier == null || !NAME.matcher(identifier).matches()) {
            throw new IllegalArgumentException("'" + identifier + "' is not a name " + type() + " flows can use"
                    + " ([A-Za-z_][A-Za-z0-9_$]*, at most 63 characters)");
        }
        return quoteValid(identifier);
    }

    /** {@code identifier}, already checked to hold no quote character, quoted. */
    abstract String quoteValid(String identifier);

    /** The type of {@code _etl_run_id}. */
    abstract String runIdType();

    /** The mapping columns in order, then {@code _etl_raw_id}, {@code _etl_run_id}, {@code _etl_loaded_at}. */
    static List<Column> columns(FlowDefinition flow) {
        Set<String> key = new HashSet<>(flow.mergesByKey() ? flow.key() : List.of());
        List<Column> columns = new ArrayList<>();
        for (FlowMapping mapping : flow.mappings()) {
            columns.add(new Column(mapping.target(), mapping.type(), key.contains(mapping.target())));
        }
        columns.add(new Column(FlowNames.RAW_ID, ColumnType.BIGINT, false));
        columns.add(new Column(FlowNames.RUN_ID, null, false));
        columns.add(new Column(FlowNames.LOADED_AT, ColumnType.TIMESTAMP, false));
        return columns;
    }

    /** The column definitions and constraint of a CREATE TABLE, between its parentheses. */
    String tableBody(FlowDefinition flow) {
        List<String> parts = new ArrayList<>();
        for (Column column : columns(flow)) {
            String type = column.type() == null ? runIdType() : sqlType(column.type(), column.key());
            boolean notNull = column.key() || column.name().startsWith(FlowNames.RESERVED_PREFIX);
            parts.add(quote(column.name()) + " " + type + (notNull ? " NOT NULL" : ""));
        }
        if (flow.mergesByKey()) {
            parts.add("PRIMARY KEY (" + list(flow.key()) + ")");
        } else {
            parts.add("UNIQUE (" + quote(FlowNames.RAW_ID) + ")");
        }
        return String.join(", ", parts);
    }

    String list(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    String columnList(FlowDefinition flow) {
        return list(columns(flow).stream().map(Column::name).toList());
    }

    /** The bind parameter of a column; PostgreSQL casts its jsonb ones. */
    String placeholder(Column column) {
        return "?";
    }

    /** {@code (?, ?, ...), (...)} for {@code rows} rows. */
    String valueRows(FlowDefinition flow, int rows) {
        String row = "(" + columns(flow).stream().map(this::placeholder).collect(Collectors.joining(", ")) + ")";
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    static int rowsWithin(int columns) {
        return Math.max(1, Math.min(FlowTableLoader.MAX_BATCH, MAX_PARAMETERS / columns));
    }

    @Override
    public String deleteOtherRunsSql(String schema, String table) {
        return "DELETE FROM " + table(schema, table) + " WHERE " + quote(FlowNames.RUN_ID) + " <> ?";
    }

    /** The catalog and schema pattern to read a table's metadata with, and the table name as stored. */
    record MetadataScope(String catalog, String schema, String table) {
    }

    MetadataScope scope(Connection connection, String schema, String table) throws SQLException {
        return new MetadataScope(null, schema != null ? schema : connection.getSchema(), table);
    }

    @Override
    public Set<String> existingColumns(Connection connection, String schema, String table) throws SQLException {
        MetadataScope scope = scope(connection, schema, table);
        DatabaseMetaData metadata = connection.getMetaData();
        String escape = metadata.getSearchStringEscape();
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rows = metadata.getColumns(scope.catalog(), pattern(scope.schema(), escape),
                pattern(scope.table(), escape), "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    @Override
    public List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        MetadataScope scope = scope(connection, schema, table);
        TreeMap<Short, String> key = new TreeMap<>();
        try (ResultSet rows = connection.getMetaData().getPrimaryKeys(scope.catalog(), scope.schema(), scope.table())) {
            while (rows.next()) {
                key.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(key.values());
    }

    /** {@code name} as a metadata search pattern matching only itself. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    @Override
    public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlTypeCode(type));
            return;
        }
        switch (type) {
            case TEXT, JSONB -> statement.setString(index, (String) value);
            case INTEGER -> statement.setInt(index, (Integer) value);
            case BIGINT -> statement.setLong(index, (Long) value);
            case NUMERIC -> statement.setBigDecimal(index, (BigDecimal) value);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case DATE -> statement.setObject(index, (LocalDate) value);
            case TIMESTAMP -> statement.setObject(index, (OffsetDateTime) value);
            default -> throw new IllegalStateException("unreachable: " + type);
        }
    }

    int sqlTypeCode(ColumnType type) {
        return switch (type) {
            case TEXT, JSONB -> Types.VARCHAR;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case NUMERIC -> Types.NUMERIC;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }

    @Override
    public void bindRunId(PreparedStatement statement, int index, UUID runId) throws SQLException {
        statement.setString(index, runId.toString());
    }

    /** The longest text a key column holds, in characters. */
    abstract int maxKeyCharacters();

    @Override
    public String refusal(ColumnType type, boolean key, Object value) {
        if (key && type == ColumnType.TEXT && ((String) value).length() > maxKeyCharacters()) {
            return "a key of " + ((String) value).length() + " characters is longer than the " + maxKeyCharacters()
                    + " a " + type() + " key column holds";
        }
        return null;
    }
}
