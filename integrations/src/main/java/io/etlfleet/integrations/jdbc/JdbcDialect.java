package io.etlfleet.integrations.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between the relational sources the JDBC connector reads: identifier quoting,
 * row limits, keyset comparison, session set-up and a few column types. Chosen from the
 * URL prefix ({@link #forUrl}); all SQL the connector runs is built here from validated,
 * quoted {@link Identifier}s, with every value bound as a parameter.
 */
public abstract sealed class JdbcDialect permits PostgresDialect, MariadbDialect, OracleDialect {

    /** {@code jdbc:postgresql:}, {@code jdbc:mariadb:} or {@code jdbc:mysql:}, {@code jdbc:oracle:thin:}. */
    public static Optional<JdbcDialect> forUrl(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(new PostgresDialect());
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return Optional.of(new MariadbDialect());
        }
        if (url.startsWith("jdbc:oracle:thin:")) {
            return Optional.of(new OracleDialect());
        }
        return Optional.empty();
    }

    /** Short name for messages: {@code postgresql}, {@code mariadb}, {@code oracle}. */
    public abstract String name();

    abstract char quoteChar();

    /** The row-limit clause with one parameter, appended after {@code order by}. */
    abstract String limitClause();

    /** Whether {@code (a, b) > (?, ?)} is supported and used; otherwise the expanded OR form. */
    abstract boolean rowValueComparison();

    /** The URL handed to the driver. */
    String driverUrl(String url) {
        return url;
    }

    /** Session set-up on a fresh connection, before it is made read-only. */
    void prepare(Connection connection) throws SQLException {
    }

    /**
     * Called at the start of every transaction, before its first statement, to make it
     * read-only where {@link Connection#setReadOnly} does not (Oracle's driver only records
     * the flag). PostgreSQL's and MariaDB's drivers enforce the flag themselves.
     */
    void beginReadOnly(Connection connection) throws SQLException {
    }

    /** The kind of a column from its result-set metadata; dialects refine the standard JDBC mapping. */
    ColumnKind kindOf(int jdbcType, String typeName, int precision) {
        return switch (jdbcType) {
            case Types.BOOLEAN -> ColumnKind.BOOLEAN;
            case Types.BIT -> precision <= 1 ? ColumnKind.BOOLEAN : ColumnKind.OTHER;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnKind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> ColumnKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnKind.FLOAT;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> ColumnKind.TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnKind.BINARY;
            case Types.DATE -> ColumnKind.DATE;
            case Types.TIME -> ColumnKind.TIME;
            case Types.TIMESTAMP -> ColumnKind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnKind.TIMESTAMPTZ;
            default -> ColumnKind.OTHER;
        };
    }

    Instant readInstant(ResultSet rows, int index) throws SQLException {
        OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, value.atOffset(ZoneOffset.UTC));
    }

    /** Binds the text of an {@link ColumnKind#OTHER} value (uuid, ...) for comparison with its column. */
    void bindOther(PreparedStatement statement, int index, String text) throws SQLException {
        statement.setString(index, text);
    }

    /**
     * {@code select * from t [where <keyset> and] <not-null filters> order by <columns> <limit>}.
     * The keyset compares the order columns with the previous page's last row; nulls are
     * excluded because they cannot be ordered the same way in every dialect.
     *
     * @param after whether to add the keyset condition (false for the first page of a run)
     */
    PageQuery pageQuery(Identifier table, List<Identifier> order, boolean after) {
        List<String> columns = order.stream().map(c -> c.sql(this)).toList();
        List<String> conditions = new ArrayList<>();
        List<Integer> binds = new ArrayList<>();
        if (after) {
            conditions.add(keyset(columns, binds));
        }
        columns.forEach(c -> conditions.add(c + " is not null"));
        String sql = "select * from " + table.sql(this) + " where " + String.join(" and ", conditions)
                + " order by " + String.join(", ", columns) + " " + limitClause();
        return new PageQuery(sql, binds);
    }

    /** Selects the configured columns without reading a row; fails when the table or a column is missing. */
    String probeQuery(Identifier table, List<Identifier> columns) {
        return "select " + columns.stream().map(c -> c.sql(this)).collect(Collectors.joining(", "))
                + " from " + table.sql(this) + " where 1 = 0";
    }

    private String keyset(List<String> columns, List<Integer> binds) {
        if (columns.size() == 1) {
            binds.add(0);
            return columns.get(0) + " > ?";
        }
        if (rowValueComparison()) {
            for (int i = 0; i < columns.size(); i++) {
                binds.add(i);
            }
            return "(" + String.join(", ", columns) + ") > (" + "?, ".repeat(columns.size() - 1) + "?)";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(columns.get(j) + " = ?");
                binds.add(j);
            }
            terms.add(columns.get(i) + " > ?");
            binds.add(i);
            alternatives.add(terms.size() == 1 ? terms.get(0) : "(" + String.join(" and ", terms) + ")");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /**
     * A page query and the order in which the keyset values are bound: position {@code n}
     * of {@code binds} names the index of the order column whose value goes to parameter
     * {@code n + 1}. The limit is the parameter after them.
     */
    record PageQuery(String sql, List<Integer> binds) {

        PageQuery {
            binds = List.copyOf(binds);
        }
    }
}
