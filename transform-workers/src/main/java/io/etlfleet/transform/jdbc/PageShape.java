package io.etlfleet.transform.jdbc;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.raw.RawRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The key and columns of the rows being loaded, read from the page metadata the extract
 * stored with them ({@code extraction_metadata.params}: {@code key}, comma-separated, and
 * {@code columns}, the JSON column description). Rows from pages with different columns
 * (the source changed between extractions) load together: the columns are the union, in
 * order of first appearance, and the key is the newest page's.
 */
record PageShape(List<String> key, List<SourceColumn> columns) {

    /** @throws IllegalArgumentException when the metadata lacks the key or the column description */
    static PageShape of(Handle handle, List<RawRow> rows) {
        List<Params> pages = handle.createQuery("""
                        select p ->> 'key' as key, p ->> 'columns' as columns
                          from (select extraction_metadata -> 'params' as p, min(id) as first_id
                                  from etl.raw_extraction_data
                                 where id = any(:ids)
                                 group by extraction_metadata -> 'params') as pages
                         order by first_id""")
                .bindArray("ids", Long.class, rows.stream().map(RawRow::id).toList())
                .map((result, context) -> new Params(result.getString("key"), result.getString("columns")))
                .list();
        Map<String, SourceColumn> columns = new LinkedHashMap<>();
        List<String> key = null;
        for (Params page : pages) {
            if (page.columns() == null) {
                throw new IllegalArgumentException("page metadata has no column description");
            }
            for (SourceColumn column : SourceColumn.parse(JsonColumns.MAPPER.readTree(page.columns()))) {
                columns.putIfAbsent(column.name(), column);
            }
            if (page.key() != null && !page.key().isBlank()) {
                key = Arrays.asList(page.key().split(","));
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("page metadata names no key columns");
        }
        return new PageShape(List.copyOf(key), new ArrayList<>(columns.values()));
    }

    private record Params(String key, String columns) {
    }
}
