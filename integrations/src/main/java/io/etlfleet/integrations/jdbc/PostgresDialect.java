package io.etlfleet.integrations.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/** PostgreSQL: double-quoted identifiers, {@code limit ?}, row-value keyset comparison. */
final class PostgresDialect extends JdbcDialect {

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    char quoteChar() {
        return '"';
    }

    @Override
    String limitClause() {
        return "limit ?";
    }

    @Override
    boolean rowValueComparison() {
        return true;
    }

    /** The driver reports timestamptz as TIMESTAMP and json as OTHER; tell them apart by type name. */
    @Override
    ColumnKind kindOf(int jdbcType, String typeName, int precision) {
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "timestamptz" -> ColumnKind.TIMESTAMPTZ;
            case "json", "jsonb" -> ColumnKind.JSON;
            case "bool" -> ColumnKind.BOOLEAN;
            case "bit", "varbit", "money" -> ColumnKind.OTHER;
            default -> super.kindOf(jdbcType, typeName, precision);
        };
    }

    /** Sent untyped so the server reads it as the column's type (uuid, inet, ...). */
    @Override
    void bindOther(PreparedStatement statement, int index, String text) throws SQLException {
        statement.setObject(index, text, Types.OTHER);
    }
}
