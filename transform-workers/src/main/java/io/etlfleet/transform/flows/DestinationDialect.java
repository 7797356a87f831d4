package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link FlowTableLoader} needs to know about one kind of destination database: how to
 * quote names, which SQL type holds each {@link ColumnType}, the DDL that creates a flow's
 * table and adds its new columns, the statements that write rows, and how to bind values.
 * Implementations are stateless and thread-safe.
 *
 * <p>Every flow table has the mapping columns plus {@code _etl_raw_id} (the raw object
 * version, not null), {@code _etl_run_id} (the extract run) and {@code _etl_loaded_at}; its
 * primary key is the flow's key when it {@linkplain FlowDefinition#mergesByKey() merges by
 * key}, otherwise {@code _etl_raw_id} is unique. Statement columns are in mapping order,
 * then {@code _etl_raw_id}, {@code _etl_run_id}, {@code _etl_loaded_at}.
 *
 * <p>Names are validated by {@link #quote}: {@code [A-Za-z_][A-Za-z0-9_$]*}, at most 63
 * characters, so a quoted name can never end its quotes. Values are always bound, never
 * written into SQL.
 */
public interface DestinationDialect {

    /** {@code postgresql}, {@code mariadb}, {@code oracle} or {@code sqlserver}. */
    String type();

    /**
     * The dialect of a destination type: {@code postgresql}, {@code mariadb} (also
     * {@code mysql}), {@code oracle}, {@code sqlserver}.
     *
     * @throws IllegalArgumentException for any other type
     */
    static DestinationDialect forType(String type) {
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> new PostgresDialect();
            case "mariadb", "mysql" -> new MariadbDialect();
            case "oracle" -> new OracleDialect();
            case "sqlserver", "mssql" -> new SqlServerDialect();
            default -> throw new IllegalArgumentException("'" + type
                    + "' is not a destination type (postgresql, mariadb, mysql, oracle, sqlserver)");
        };
    }

    /**
     * The dialect of a JDBC URL ({@code jdbc:postgresql:}, {@code jdbc:mariadb:},
     * {@code jdbc:mysql:}, {@code jdbc:oracle:}, {@code jdbc:sqlserver:}).
     *
     * @throws IllegalArgumentException for any other URL
     */
    static DestinationDialect forJdbcUrl(String url) {
        String[] parts = url == null ? new String[0] : url.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("jdbc")) {
            throw new IllegalArgumentException("not a JDBC URL: " + url);
        }
        return forType(parts[1]);
    }

    /**
     * The name quoted for this database (Oracle also folds it to upper case, as it stores
     * unquoted names).
     *
     * @throws IllegalArgumentException for a name this dialect cannot quote safely
     */
    String quote(String identifier);

    /** {@code schema.table} quoted, or the table alone when {@code schema} is null. */
    default String table(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** The SQL type of a column; {@code key} columns get a type an index can hold. */
    String sqlType(ColumnType type, boolean key);

    /** The statement that creates the flow's table when it does not exist. */
    String createTableSql(String schema, FlowDefinition flow);

    /** The statement that adds a (nullable) column to an existing table. */
    String addColumnSql(String schema, String table, String column, ColumnType type);

    /**
     * Writes {@code rows} rows by the flow's key: a new key is inserted, an existing one is
     * updated only when its stored {@code _etl_raw_id} is at most the new one (an equal raw
     * id rewrites the row, an older one never does).
     */
    String mergeSql(String schema, FlowDefinition flow, int rows);

    /** Inserts {@code rows} rows, skipping each whose {@code _etl_raw_id} is already in the table. */
    String appendSql(String schema, FlowDefinition flow, int rows);

    /** Deletes the rows of every run but the one bound as its only parameter. */
    String deleteOtherRunsSql(String schema, String table);

    /**
     * How many rows one {@link #mergeSql}/{@link #appendSql} statement may carry for
     * {@code columns} columns: more than 1 for multi-row VALUES, 1 where rows are sent as a
     * JDBC batch of single-row statements.
     */
    int rowsPerStatement(int columns);

    /** The table's column names in lower case; empty when the table does not exist. */
    Set<String> existingColumns(Connection connection, String schema, String table) throws SQLException;

    /** The table's primary key columns in lower case and key order; empty when it has none. */
    List<String> primaryKey(Connection connection, String schema, String table) throws SQLException;

    /** Binds a column value ({@link io.etlfleet.storage.flows.RowMapper}'s Java type, or null). */
    void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException;

    /** Binds an {@code _etl_run_id}. */
    void bindRunId(PreparedStatement statement, int index, UUID runId) throws SQLException;

    /** Why this database cannot store {@code value} (not null) in such a column, or null when it can. */
    String refusal(ColumnType type, boolean key, Object value);

    /** Whether {@code e} says the table or column a DDL statement creates is already there. */
    boolean alreadyExists(SQLException e);

    /** Whether DDL is part of the transaction (false: it commits the transaction, as in MariaDB and Oracle). */
    boolean transactionalDdl();
}
