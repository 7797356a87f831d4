package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowMapping;
import io.etlfleet.storage.flows.FlowNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a flow's table and every column it writes exist: creates the table when absent,
 * adds the columns a flow gained, never drops or changes one. What it learned is kept per
 * connection URL, schema and table, so a warm worker reads no metadata; another worker
 * creating the same table or column at the same moment is recognised by the dialect's
 * "already exists" error and ignored (inside a savepoint where DDL is transactional).
 */
final class FlowTables {

    private static final Logger log = LoggerFactory.getLogger(FlowTables.class);

    /** What a table was found to have: its columns and primary key, in lower case. */
    private record Known(Set<String> columns, List<String> primaryKey) {
    }

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    void ensure(Connection connection, DestinationDialect dialect, String schema, FlowDefinition flow) throws SQLException {
        String cacheKey = cacheKey(connection, dialect, schema, flow.targetTable());
        Map<String, ColumnType> wanted = wanted(flow);
        Known table = known.get(cacheKey);
        if (table != null && table.columns().containsAll(wanted.keySet())) {
            checkKey(flow, table.primaryKey());
            return;
        }
        Set<String> existing = new HashSet<>(dialect.existingColumns(connection, schema, flow.targetTable()));
        if (existing.isEmpty()) {
            if (ddl(connection, dialect, dialect.createTableSql(schema, flow))) {
                log.info("Created flow table {} for flow {}", flow.targetTable(), flow.name());
            }
            existing = new HashSet<>(dialect.existingColumns(connection, schema, flow.targetTable()));
        }
        if (!existing.contains(FlowNames.RUN_ID)) {
            throw new FlowLoadException("table " + flow.targetTable() + " has no " + FlowNames.RUN_ID
                    + " column: it was not made by a flow; give the flow a new target table");
        }
        List<String> primaryKey = dialect.primaryKey(connection, schema, flow.targetTable());
        checkKey(flow, primaryKey);
        for (Map.Entry<String, ColumnType> column : wanted.entrySet()) {
            if (!existing.contains(column.getKey())) {
                ddl(connection, dialect, dialect.addColumnSql(schema, flow.targetTable(), column.getKey(), column.getValue()));
                log.info("Added column {} to flow table {} for flow {}", column.getKey(), flow.targetTable(), flow.name());
                existing.add(column.getKey());
            }
        }
        known.put(cacheKey, new Known(Set.copyOf(existing), primaryKey));
    }

    /** Forgets what was learned about the table, e.g. after a failed load whose DDL was rolled back. */
    void forget(Connection connection, DestinationDialect dialect, String schema, String table) {
        try {
            known.remove(cacheKey(connection, dialect, schema, table));
        } catch (SQLException e) {
            known.clear();
        }
    }

    private static String cacheKey(Connection connection, DestinationDialect dialect, String schema, String table)
            throws SQLException {
        return dialect.type() + "|" + connection.getMetaData().getURL() + "|" + schema + "|" + table;
    }

    /** Mapping columns (the mapping's type) and the {@code _etl_} columns; the run id's type is the dialect's. */
    private static Map<String, ColumnType> wanted(FlowDefinition flow) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (FlowMapping mapping : flow.mappings()) {
            columns.put(mapping.target(), mapping.type());
        }
        columns.put(FlowNames.RAW_ID, ColumnType.BIGINT);
        columns.put(FlowNames.LOADED_AT, ColumnType.TIMESTAMP);
        return columns;
    }

    /** A table made for another key cannot take this flow's merges: say so instead of failing on every row. */
    private static void checkKey(FlowDefinition flow, List<String> primaryKey) {
        if (!flow.mergesByKey()) {
            return;
        }
        List<String> key = new ArrayList<>();
        flow.key().forEach(k -> key.add(k.toLowerCase(Locale.ROOT)));
        if (!new HashSet<>(primaryKey).equals(new HashSet<>(key))) {
            throw new FlowLoadException("table " + flow.targetTable() + " has primary key " + primaryKey
                    + ", not the flow's key " + key + ": a flow with another key needs a new target table");
        }
    }

    /** Runs one DDL statement; false when the table or column turned out to exist already. */
    private static boolean ddl(Connection connection, DestinationDialect dialect, String sql) throws SQLException {
        Savepoint savepoint = dialect.transactionalDdl() && !connection.getAutoCommit() ? connection.setSavepoint() : null;
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            if (dialect.alreadyExists(e)) {
                return false;
            }
            throw e;
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
        return true;
    }
}
