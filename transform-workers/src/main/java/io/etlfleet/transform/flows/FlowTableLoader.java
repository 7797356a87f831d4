package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.FlowMapping;
import io.etlfleet.storage.flows.FlowMode;
import io.etlfleet.storage.flows.MappedRow;
import io.etlfleet.storage.flows.RowMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads raw objects into a flow's table in any {@link DestinationDialect}. One instance serves
 * every flow and destination (thread-safe); it remembers which tables and columns exist.
 *
 * <p>A load maps every object with {@link RowMapper} (objects that do not map, or hold a value
 * the destination cannot store, are rejected with the reason and the rest loads), makes sure
 * the table and its columns exist, then writes the rows in statements of at most
 * {@value #MAX_BATCH} rows as the flow's mode says:
 * <ul>
 *   <li>merge: one row per key; within a load the newest raw version of a key wins, and in
 *       the table a row is replaced only by a raw version at least as new (an equal raw id
 *       rewrites it, so a flow edited and re-run from raw rewrites its rows);</li>
 *   <li>append: one row per raw object version; a raw id already in the table is skipped;</li>
 *   <li>replace: merged by key when the flow has one, else appended; then every row of
 *       another run is deleted, so after any load of run R the table holds only run R's rows.
 *       A load of an older run's batch (a replay) therefore empties the table of the newer
 *       run's rows: callers load only the latest run of a replace flow.</li>
 * </ul>
 * Everything runs on the caller's connection and in its transaction; nothing is committed
 * here. Where DDL is not transactional (MariaDB, Oracle), creating a table or adding a
 * column commits what the transaction did before it, so DDL runs first.
 */
public final class FlowTableLoader {

    /** At most this many rows per batch of statements. */
    public static final int MAX_BATCH = 1000;
    /** Text characters one multi-row statement carries before a new one starts (about 8 MB in UTF-16). */
    private static final long MAX_STATEMENT_CHARS = 4_000_000;

    private final FlowTables tables = new FlowTables();

    /**
     * @param schema the destination schema (MariaDB: database), or null for the connection's current one
     * @param runId  the extract run the rows come from, stored in {@code _etl_run_id}
     * @throws FlowLoadException when the destination refuses the load as a whole
     */
    public LoadCounts load(Connection connection, DestinationDialect dialect, String schema, FlowDefinition flow,
            UUID runId, List<RawInput> rows) {
        List<RowRejection> rejected = new ArrayList<>();
        List<MappedRow> mapped = newestPerKey(flow, map(dialect, flow, rows, rejected));
        try {
            tables.ensure(connection, dialect, schema, flow);
            OffsetDateTime loadedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            for (int from = 0; from < mapped.size(); from += MAX_BATCH) {
                write(connection, dialect, schema, flow, runId, loadedAt, mapped.subList(from,
                        Math.min(mapped.size(), from + MAX_BATCH)));
            }
            if (flow.mode() == FlowMode.REPLACE) {
                try (PreparedStatement delete = connection.prepareStatement(
                        dialect.deleteOtherRunsSql(schema, flow.targetTable()))) {
                    dialect.bindRunId(delete, 1, runId);
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            tables.forget(connection, dialect, schema, flow.targetTable());
            throw new FlowLoadException("loading flow " + flow.name() + " into " + flow.targetTable() + " ("
                    + dialect.type() + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            tables.forget(connection, dialect, schema, flow.targetTable());
            throw e;
        }
        return new LoadCounts(rows.size(), mapped.size(), rejected);
    }

    private static List<MappedRow> map(DestinationDialect dialect, FlowDefinition flow, List<RawInput> rows,
            List<RowRejection> rejected) {
        RowMapper mapper = new RowMapper(flow);
        Set<String> key = new HashSet<>(flow.mergesByKey() ? flow.key() : List.of());
        List<MappedRow> mapped = new ArrayList<>(rows.size());
        for (RawInput row : rows) {
            MappedRow result = mapper.map(row.rawId(), row.data());
            String reason = result.isRejected() ? result.rejection() : refusal(dialect, flow, key, result);
            if (reason != null) {
                rejected.add(new RowRejection(row.rawId(), row.externalId(), reason));
            } else {
                mapped.add(result);
            }
        }
        return mapped;
    }

    private static String refusal(DestinationDialect dialect, FlowDefinition flow, Set<String> key, MappedRow row) {
        for (int i = 0; i < flow.mappings().size(); i++) {
            FlowMapping mapping = flow.mappings().get(i);
            Object value = row.values().get(mapping.target());
            String refusal = value == null ? null : dialect.refusal(mapping.type(), key.contains(mapping.target()), value);
            if (refusal != null) {
                return "mappings[" + i + "] (" + mapping.target() + "): " + refusal;
            }
        }
        return null;
    }

    /**
     * One row per key (the greatest raw id; the later one of equal ids) when the flow merges
     * by key, else one per raw id: a statement may not touch a row twice.
     */
    private static List<MappedRow> newestPerKey(FlowDefinition flow, List<MappedRow> rows) {
        Map<Object, MappedRow> newest = new LinkedHashMap<>();
        for (MappedRow row : rows) {
            Object identity = flow.mergesByKey() ? keyOf(flow, row) : row.rawId();
            MappedRow held = newest.get(identity);
            if (held == null || (flow.mergesByKey() && held.rawId() <= row.rawId())) {
                newest.put(identity, row);
            }
        }
        return new ArrayList<>(newest.values());
    }

    private static List<Object> keyOf(FlowDefinition flow, MappedRow row) {
        List<Object> key = new ArrayList<>(flow.key().size());
        for (String column : flow.key()) {
            Object value = row.values().get(column);
            key.add(value instanceof BigDecimal number ? number.stripTrailingZeros() : value);
        }
        return key;
    }

    private static void write(Connection connection, DestinationDialect dialect, String schema, FlowDefinition flow,
            UUID runId, OffsetDateTime loadedAt, List<MappedRow> batch) throws SQLException {
        int columns = flow.mappings().size() + 3;
        int perStatement = Math.min(MAX_BATCH, dialect.rowsPerStatement(columns));
        if (perStatement == 1) {
            try (PreparedStatement statement = connection.prepareStatement(sql(dialect, schema, flow, 1))) {
                for (MappedRow row : batch) {
                    bindRow(statement, 1, dialect, flow, runId, loadedAt, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return;
        }
        for (List<MappedRow> group : RowGroups.of(batch, perStatement, MAX_STATEMENT_CHARS)) {
            try (PreparedStatement statement = connection.prepareStatement(sql(dialect, schema, flow, group.size()))) {
                int index = 1;
                for (MappedRow row : group) {
                    index = bindRow(statement, index, dialect, flow, runId, loadedAt, row);
                }
                statement.executeUpdate();
            }
        }
    }

    private static String sql(DestinationDialect dialect, String schema, FlowDefinition flow, int rows) {
        return flow.mergesByKey() ? dialect.mergeSql(schema, flow, rows) : dialect.appendSql(schema, flow, rows);
    }

    /** Binds one row from {@code index} on; returns the next free index. */
    private static int bindRow(PreparedStatement statement, int index, DestinationDialect dialect, FlowDefinition flow,
            UUID runId, OffsetDateTime loadedAt, MappedRow row) throws SQLException {
        for (FlowMapping mapping : flow.mappings()) {
            dialect.bind(statement, index++, mapping.type(), row.values().get(mapping.target()));
        }
        statement.setLong(index++, row.rawId());
        dialect.bindRunId(statement, index++, runId);
        dialect.bind(statement, index++, ColumnType.TIMESTAMP, loadedAt);
        return index;
    }
}
