package io.etlfleet.integrations.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A position in a table's read order: the cursor and key values of one row, as exact text
 * with their kinds so they bind back faithfully. It is the connector's sync cursor and page
 * checkpoint, stored as a flat map:
 * <pre>
 * columns        = updated_at,id          (the order columns, comma-separated identifiers)
 * kind.updated_at = timestamptz           (a {@link ColumnKind} id)
 * after.updated_at = 2024-03-01T12:00:00Z
 * kind.id = integer
 * after.id = 42
 * </pre>
 */
record Keyset(List<String> columns, List<ColumnKind> kinds, List<String> values) {

    Keyset {
        columns = List.copyOf(columns);
        kinds = List.copyOf(kinds);
        values = List.copyOf(values);
    }

    /**
     * The keyset stored in {@code map}, or empty when the map is empty or was written for
     * other order columns (the table's config changed since).
     *
     * @throws IllegalArgumentException when the map names the columns but is incomplete or malformed
     */
    static Optional<Keyset> fromMap(Map<String, String> map, List<String> expectedColumns) {
        if (map.isEmpty() || !String.join(",", expectedColumns).equals(map.get("columns"))) {
            return Optional.empty();
        }
        List<ColumnKind> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String column : expectedColumns) {
            String kind = map.get("kind." + column);
            String value = map.get("after." + column);
            if (kind == null || value == null) {
                throw new IllegalArgumentException("stored position lacks the kind or value of column " + column);
            }
            kinds.add(ColumnKind.of(kind));
            values.add(value);
        }
        return Optional.of(new Keyset(expectedColumns, kinds, values));
    }

    Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("columns", String.join(",", columns));
        for (int i = 0; i < columns.size(); i++) {
            map.put("kind." + columns.get(i), kinds.get(i).id());
            map.put("after." + columns.get(i), values.get(i));
        }
        return map;
    }

    /** Binds the values in the order {@code query} asks for, from parameter 1; returns the next parameter index. */
    int bind(PreparedStatement statement, JdbcDialect.PageQuery query, JdbcDialect dialect) throws SQLException {
        int parameter = 1;
        for (int column : query.binds()) {
            ColumnValues.bind(statement, parameter++, kinds.get(column), values.get(column), dialect);
        }
        return parameter;
    }

    /** For page metadata: {@code updated_at=2024-03-01T12:00:00Z, id=42}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(columns.get(i) + "=" + values.get(i));
        }
        return String.join(", ", parts);
    }
}
