package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.spi.InvalidConfigException;
import java.util.regex.Pattern;

/**
 * A validated SQL identifier from an integration's config: a table with an optional schema
 * ({@code sales.orders}) or a column ({@code updated_at}). The only way config text enters
 * SQL: every part must match {@code [A-Za-z_][A-Za-z0-9_$]*} (at most 128 characters) and is
 * then quoted for the dialect, so it is case-sensitive and can never change the statement.
 *
 * @param schema the schema, or null for the connection's default
 * @param name   the table or column name
 */
public record Identifier(String schema, String name) {

    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

    /** A table name, optionally schema-qualified. */
    public static Identifier table(String text, String field) {
        String value = text == null ? "" : text.trim();
        int dot = value.indexOf('.');
        if (dot < 0) {
            return new Identifier(null, part(value, field));
        }
        return new Identifier(part(value.substring(0, dot), field), part(value.substring(dot + 1), field));
    }

    /** A column name; never qualified. */
    public static Identifier column(String text, String field) {
        return new Identifier(null, part(text == null ? "" : text.trim(), field));
    }

    /** The identifier quoted for {@code dialect}, e.g. {@code "sales"."orders"} or {@code `orders`}. */
    public String sql(JdbcDialect dialect) {
        String quoted = quote(name, dialect.quoteChar());
        return schema == null ? quoted : quote(schema, dialect.quoteChar()) + "." + quoted;
    }

    /** As configured, e.g. {@code sales.orders}. */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }

    /** Quotes one validated part; the quote character is doubled as SQL requires, though validation already excludes it. */
    static String quote(String part, char quote) {
        String q = String.valueOf(quote);
        return q + part.replace(q, q + q) + q;
    }

    private static String part(String text, String field) {
        if (!PART.matcher(text).matches()) {
            throw new InvalidConfigException(field,
                    "must be an identifier ([A-Za-z_][A-Za-z0-9_$]*, at most 128 characters; tables may add one schema.)");
        }
        return text;
    }
}
