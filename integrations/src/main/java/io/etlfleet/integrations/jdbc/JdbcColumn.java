package io.etlfleet.integrations.jdbc;

import java.sql.JDBCType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source column as the result set describes it. The list of a page's columns travels with
 * the page as the {@code columns} request parameter (JSON, see {@link #describe}), so the
 * warehouse loader can create and evolve the target table without asking the source.
 *
 * @param name      the column label, as the source spells it
 * @param jdbcType  the {@link JDBCType} name, or the vendor type number when it has none
 * @param typeName  the source's own type name ({@code timestamptz}, {@code DATETIME}, ...)
 * @param kind      how values are written to the raw JSON
 * @param precision declared precision or length (0 when unknown)
 * @param scale     declared scale (0 when none)
 * @param nullable  whether the column admits NULL (true when unknown)
 */
public record JdbcColumn(String name, String jdbcType, String typeName, ColumnKind kind, int precision, int scale,
        boolean nullable) {

    static List<JdbcColumn> of(ResultSetMetaData metadata, JdbcDialect dialect) throws SQLException {
        List<JdbcColumn> columns = new ArrayList<>(metadata.getColumnCount());
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            int type = metadata.getColumnType(i);
            String typeName = metadata.getColumnTypeName(i) == null ? "" : metadata.getColumnTypeName(i);
            columns.add(new JdbcColumn(metadata.getColumnLabel(i), jdbcTypeName(type), typeName,
                    dialect.kindOf(type, typeName, metadata.getPrecision(i)), metadata.getPrecision(i),
                    metadata.getScale(i), metadata.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return List.copyOf(columns);
    }

    /**
     * The {@code columns} parameter: a JSON array of
     * {@code {"name","jdbc_type","type_name","kind","precision","scale","nullable"}}.
     */
    static List<Map<String, Object>> describe(List<JdbcColumn> columns) {
        return columns.stream().map(JdbcColumn::toMap).toList();
    }

    private Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("jdbc_type", jdbcType);
        map.put("type_name", typeName);
        map.put("kind", kind.id());
        map.put("precision", precision);
        map.put("scale", scale);
        map.put("nullable", nullable);
        return map;
    }

    private static String jdbcTypeName(int type) {
        try {
            return JDBCType.valueOf(type).getName();
        } catch (IllegalArgumentException vendorType) {
            return Integer.toString(type);
        }
    }
}
