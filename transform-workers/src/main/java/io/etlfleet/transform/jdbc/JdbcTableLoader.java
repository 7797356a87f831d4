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
 * <p>One upsert statement per batch; a row replaces the stored one only when it is newer by
 * ({@code source_updated_at}, raw id), with a missing updated time sorting first.
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
        String target = WarehouseTable.ensure(handle, first.integrationId(), first.entityType(), shape.key(), shape.columns());
        Map<String, RawRow> newest = new LinkedHashMap<>();
        for (RawRow row : rows) {
            newest.merge(row.externalId(), row, (a, b) -> NEWER.compare(a, b) >= 0 ? a : b);
        }
        int upserted = handle.createUpdate(upsert(target, shape))
                .bind("tenantId", first.tenantId())
                .bind("integrationId", first.integrationId())
                .bind("rows", JsonColumns.write(recordset(newest.values(), shape.columns())))
                .execute();
        return new LoadResult(upserted, newest.size() - upserted, 0, List.of());
    }

    private static String upsert(String target, PageShape shape) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> recordset = new ArrayList<>();
        List<String> updates = new ArrayList<>();
        for (int i = 0; i < shape.columns().size(); i++) {
            SourceColumn column = shape.columns().get(i);
            String name = WarehouseIdentifiers.quote(column.targetName());
            names.add(name);
            values.add(column.fromText("r.c" + i));
            recordset.add("c" + i + " text");
            updates.add(name + " = excluded." + name);
        }
        String key = shape.key().stream().map(WarehouseIdentifiers::column).map(WarehouseIdentifiers::quote)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        return "insert into " + WarehouseIdentifiers.qualified(target) + " as t (tenant_id, integration_id, "
                + String.join(", ", names) + ", source_updated_at, raw_id)\n"
                + "select :tenantId, :integrationId, " + String.join(", ", values) + ", r.source_updated_at, r.raw_id\n"
                + "  from jsonb_to_recordset(cast(:rows as jsonb)) as r(" + String.join(", ", recordset)
                + ", source_updated_at timestamptz, raw_id bigint)\n"
                + "on conflict (integration_id, " + key + ") do update set " + String.join(", ", updates)
                + ", source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()\n"
                + " where (coalesce(t.source_updated_at, '-infinity'), t.raw_id)"
                + " < (coalesce(excluded.source_updated_at, '-infinity'), excluded.raw_id)";
    }

    /** Each row as {@code {"c0": text, ..., "source_updated_at", "raw_id"}}: values by position, as text. */
    private static List<Map<String, Object>> recordset(Iterable<RawRow> rows, List<SourceColumn> columns) {
        List<Map<String, Object>> recordset = new ArrayList<>();
        for (RawRow row : rows) {
            JsonNode data = JsonColumns.MAPPER.readTree(row.rawJson());
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                JsonNode value = data.get(columns.get(i).name());
                values.put("c" + i, value == null || value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString());
            }
            values.put("source_updated_at", row.sourceUpdatedAt() == null ? null : row.sourceUpdatedAt().toString());
            values.put("raw_id", row.id());
            recordset.add(values);
        }
        return recordset;
    }
}
