package io.etlfleet.transform.jdbc;

import io.etlfleet.transform.loading.WarehouseJson;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.LoadResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The one upsert that loads a batch into a JDBC table's warehouse table, reading the rows
 * from {@code jsonb_to_recordset} as text and casting each value to its warehouse column's
 * type. When a value does not fit (SQLState class 22, e.g. {@code 22P02} text in an integer
 * column the source retyped), the statement is rolled back to a savepoint, each row's casts
 * are tried on their own to find the rows that fail, those are rejected with PostgreSQL's
 * message, and the upsert runs once more with the rest.
 */
final class JdbcLoadStatement {

    private static final String SAVEPOINT = "jdbc_load";

    private final String upsert;
    private final String check;

    private JdbcLoadStatement(String upsert, String check) {
        this.upsert = upsert;
        this.check = check;
    }

    /** @param types the target's column types ({@link WarehouseTable#columnTypes}) */
    static JdbcLoadStatement of(String qualifiedTarget, PageShape shape, Map<String, String> types) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> recordset = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            SourceColumn column = shape.columns().get(i);
            String name = WarehouseIdentifiers.quote(column.targetName());
            names.add(name);
            values.add(column.fromText("r.c" + i, types.getOrDefault(column.targetName(), column.pgType())));
            recordset.add("c" + i + " text");
            updates.add(name + " = excluded." + name);
        }
        String key = shape.key().stream().map(WarehouseIdentifiers::column).map(WarehouseIdentifiers::quote)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        String from = "  from jsonb_to_recordset(cast(:rows as jsonb)) as r(" + String.join(", ", recordset)
                + ", source_updated_at timestamptz, raw_id bigint)\n";
        String upsert = "insert into " + qualifiedTarget + " as t (tenant_id, integration_id, " + String.join(", ", names)
                + ", source_updated_at, raw_id)\n"
                + "select :tenantId, :integrationId, " + String.join(", ", values) + ", r.source_updated_at, r.raw_id\n"
                + from
                + "on conflict (integration_id, " + key + ") do update set " + String.join(", ", updates)
                + ", source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()\n"
                + " where (coalesce(t.source_updated_at, '-infinity'), t.raw_id)"
                + " < (coalesce(excluded.source_updated_at, '-infinity'), excluded.raw_id)";
        // The casts as output columns, so PostgreSQL has to evaluate every one of them.
        String check = "select " + String.join(", ", values) + "\n" + from;
        return new JdbcLoadStatement(upsert, check);
    }

    /**
     * @param rows     recordset rows ({@code c0..cn}, {@code source_updated_at}, {@code raw_id}), one per raw row, same order
     * @param rejected receives the rows whose values do not fit their columns
     * @return how many rows were inserted or replaced
     */
    int execute(Handle handle, RawRow first, List<RawRow> raw, List<Map<String, Object>> rows,
            List<LoadResult.Rejected> rejected) {
        if (rows.isEmpty()) {
            return 0;
        }
        handle.savepoint(SAVEPOINT);
        try {
            int upserted = upsert(handle, first, rows);
            handle.releaseSavepoint(SAVEPOINT);
            return upserted;
        } catch (UnableToExecuteStatementException e) {
            if (!isDataError(e)) {
                throw e;
            }
            handle.rollbackToSavepoint(SAVEPOINT);
        }
        List<Map<String, Object>> fitting = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            handle.savepoint(SAVEPOINT);
            try {
                handle.createQuery(check).bind("rows", WarehouseJson.write(List.of(rows.get(i)))).mapToMap().one();
                handle.releaseSavepoint(SAVEPOINT);
                fitting.add(rows.get(i));
            } catch (UnableToExecuteStatementException e) {
                if (!isDataError(e)) {
                    throw e;
                }
                handle.rollbackToSavepoint(SAVEPOINT);
                rejected.add(new LoadResult.Rejected(raw.get(i).id(), raw.get(i).externalId(), sqlMessage(e)));
            }
        }
        return fitting.isEmpty() ? 0 : upsert(handle, first, fitting);
    }

    private int upsert(Handle handle, RawRow first, List<Map<String, Object>> rows) {
        return handle.createUpdate(upsert)
                .bind("tenantId", first.tenantId())
                .bind("integrationId", first.integrationId())
                .bind("rows", WarehouseJson.write(rows))
                .execute();
    }

    /** A value that does not fit its column (class 22: data exception) or breaks a constraint (class 23). */
    private static boolean isDataError(UnableToExecuteStatementException e) {
        String state = e.getCause() instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static String sqlMessage(UnableToExecuteStatementException e) {
        String message = e.getCause() instanceof SQLException sql ? sql.getMessage() : e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
