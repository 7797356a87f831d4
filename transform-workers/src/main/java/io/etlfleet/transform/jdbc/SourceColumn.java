package io.etlfleet.transform.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A source column as the JDBC connector describes it with every page (the {@code columns}
 * request parameter: {@code name}, {@code kind}, {@code precision}, {@code scale}, ...), and
 * the PostgreSQL type it gets in the warehouse.
 *
 * @param name      the source column name
 * @param kind      the connector's value kind ({@code integer}, {@code decimal}, {@code timestamptz}, ...)
 * @param precision declared precision or length, 0 when unknown
 * @param scale     declared scale
 */
record SourceColumn(String name, String kind, int precision, int scale) {

    /** @throws IllegalArgumentException when the description is not an array of named columns */
    static List<SourceColumn> parse(JsonNode columns) {
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw new IllegalArgumentException("page metadata has no column description");
        }
        List<SourceColumn> parsed = new ArrayList<>();
        for (JsonNode column : columns) {
            if (!column.path("name").isString() || !column.path("kind").isString()) {
                throw new IllegalArgumentException("column description without name or kind: " + column);
            }
            parsed.add(new SourceColumn(column.get("name").asString(), column.get("kind").asString().toLowerCase(Locale.ROOT),
                    column.path("precision").asInt(0), column.path("scale").asInt(0)));
        }
        return parsed;
    }

    /** The warehouse column name ({@link WarehouseIdentifiers#column}). */
    String targetName() {
        return WarehouseIdentifiers.column(name);
    }

    /**
     * integer → bigint (numeric beyond 19 digits, e.g. unsigned BIGINT); decimal → numeric(p,s)
     * when declared, else numeric; float → double precision; boolean, date, time, timestamp,
     * timestamptz → the same; binary → bytea; json → jsonb; text and anything else → text.
     */
    String pgType() {
        return switch (kind) {
            case "boolean" -> "boolean";
            case "integer" -> precision > 19 ? "numeric(" + Math.min(precision, 1000) + ", 0)" : "bigint";
            case "decimal" -> precision >= 1 && precision <= 1000 && scale >= 0 && scale <= precision
                    ? "numeric(" + precision + ", " + scale + ")" : "numeric";
            case "float" -> "double precision";
            case "binary" -> "bytea";
            case "json" -> "jsonb";
            case "date" -> "date";
            case "time" -> "time";
            case "timestamp" -> "timestamp";
            case "timestamptz" -> "timestamptz";
            default -> "text";
        };
    }

    /**
     * The select expression turning the text value {@code value} (from the recordset) into
     * {@code targetType}, the warehouse column's type: usually {@link #pgType()}, but a
     * column the source retyped keeps its first type, so values are cast to that (and a
     * value that does not fit is a rejected row, not a failed load).
     */
    String fromText(String value, String targetType) {
        if ("text".equals(targetType)) {
            return value;
        }
        if ("binary".equals(kind) && "bytea".equals(targetType)) {
            return "decode(" + value + ", 'base64')";
        }
        return "cast(" + value + " as " + targetType + ")";
    }

    /** Whether the warehouse column's {@code targetType} is not the type this column would get now. */
    boolean retypedFrom(String targetType) {
        String now = pgType().replace(" ", "");
        String normalised = switch (now) {
            case "timestamp" -> "timestampwithouttimezone";
            case "timestamptz" -> "timestampwithtimezone";
            case "time" -> "timewithouttimezone";
            default -> now;
        };
        return !normalised.equals(targetType.replace(" ", ""));
    }
}
