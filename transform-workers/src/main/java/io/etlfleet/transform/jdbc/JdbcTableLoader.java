package io.etlfleet.transform.jdbc;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * Loads the rows of any table a JDBC integration extracts (its entity types are the table
 * names, so it is registered by integration type, not entity type) into the table's own
 * warehouse table, named by {@link WarehouseIdentifiers#targetTable}. The table is created
 * from, and evolved with, the column description the connector stores with every page
 * ({@code extraction_metadata.params.columns}); see {@link WarehouseTable}.
 *
 * <p>One upsert statement per batch ({@link JdbcLoadStatement}); a row replaces the stored
 * one only when it is newer by ({@code source_updated_at}, raw id), with a missing updated
 * time sorting first. A row without a value in a key column, or with a value that does not
 * fit its warehouse column, is rejected with the reason; the rest of the batch loads.
 */
public class JdbcTableLoader implements EntityLoader {

    /** The integration type whose entities this loader takes, whatever their names. */
    public static final String INTEGRATION_TYPE = "jdbc";

    private static final Comparator<RawRow> NEWER = Comparator
            .comparing(RawRow::sourceUpdatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(RawRow::id);

    /** {@code *}: every table of a {@value #INTEGRATION_TYPE} integration. */
    @Override
    public String entityType() {
        return "*";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        if (rows.isEmpty()) {
            return new LoadResult(0, 0, 0, List.of());
        }
        RawRow first = rows.get(0);
        PageShape shape = PageShape.of(handle, rows);
        Map<String, String> types = WarehouseTable.ensure(handle, first.integrationId(), first.entityType(), shape.key(),
                shape.columns());
        String target = WarehouseIdentifiers.qualified(WarehouseIdentifiers.targetTable(first.integrationId(),
                first.entityType()));
        List<LoadResult.Rejected> rejected = new ArrayList<>();
        Map<String, RawRow> newest = new LinkedHashMap<>();
        Map<Long, Map<String, Object>> recordset = new LinkedHashMap<>();
        for (RawRow row : rows) {
            JsonNode data = JsonColumns.MAPPER.readTree(row.rawJson());
            String missingKey = shape.key().stream().filter(k -> data.path(k).isNull() || data.path(k).isMissingNode())
                    .findFirst().orElse(null);
            if (missingKey != null) {
                rejected.add(new LoadResult.Rejected(row.id(), row.externalId(), "key column " + missingKey + " has no value"));
                continue;
            }
            recordset.put(row.id(), values(row, data, shape.columns()));
            newest.merge(row.externalId(), row, (a, b) -> NEWER.compare(a, b) >= 0 ? a : b);
        }
        List<RawRow> loading = List.copyOf(newest.values());
        int rejectedBefore = rejected.size();
        int upserted = JdbcLoadStatement.of(target, shape, types).execute(handle, first, loading,
                loading.stream().map(r -> recordset.get(r.id())).toList(), rejected);
        int fitting = loading.size() - (rejected.size() - rejectedBefore);
        return new LoadResult(upserted, fitting - upserted, 0, rejected);
    }

    /** The row as {@code {"c0": text, ..., "source_updated_at", "raw_id"}}: values by position, as text. */
    private static Map<String, Object> values(RawRow row, JsonNode data, List<SourceColumn> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode value = data.get(columns.get(i).name());
            values.put("c" + i, value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
        }
        values.put("source_updated_at", row.sourceUpdatedAt() == null ? null : row.sourceUpdatedAt().toString());
        values.put("raw_id", row.id());
        return values;
    }
}
