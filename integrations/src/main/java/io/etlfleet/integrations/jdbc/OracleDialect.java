package io.etlfleet.integrations.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Oracle (12c and later, thin driver): double-quoted identifiers (so names are
 * case-sensitive: tables created without quotes are upper case), {@code fetch first ? rows
 * only}, and the keyset written out as {@code a > ? or (a = ? and b > ?)} because Oracle
 * does not compare row values with {@code >}.
 */
final class OracleDialect extends JdbcDialect {

    /** {@code oracle.jdbc.OracleTypes.TIMESTAMPTZ} and {@code TIMESTAMPLTZ}. */
    private static final int TIMESTAMPTZ = -101;
    private static final int TIMESTAMPLTZ = -102;
    private static final int BINARY_FLOAT = 100;
    private static final int BINARY_DOUBLE = 101;

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    char quoteChar() {
        return '"';
    }

    @Override
    String limitClause() {
        return "fetch first ? rows only";
    }

    @Override
    boolean rowValueComparison() {
        return false;
    }

    /** ojdbc's {@code setReadOnly} changes nothing on the server; a read-only transaction refuses DML (ORA-01456). */
    @Override
    void beginReadOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction read only");
        }
    }

    /** Oracle's DATE carries a time of day and is reported as TIMESTAMP, which is what it is. */
    @Override
    ColumnKind kindOf(int jdbcType, String typeName, int precision) {
        if (jdbcType == TIMESTAMPTZ || jdbcType == TIMESTAMPLTZ) {
            return ColumnKind.TIMESTAMPTZ;
        }
        if (jdbcType == BINARY_FLOAT || jdbcType == BINARY_DOUBLE) {
            return ColumnKind.FLOAT;
        }
        if (typeName.toUpperCase(Locale.ROOT).equals("JSON")) {
            return ColumnKind.JSON;
        }
        return super.kindOf(jdbcType, typeName, precision);
    }
}
