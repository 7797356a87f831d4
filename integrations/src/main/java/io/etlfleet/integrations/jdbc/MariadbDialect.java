package io.etlfleet.integrations.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * MariaDB and MySQL (both through the MariaDB driver, which speaks the MySQL protocol;
 * {@code jdbc:mysql:} URLs are opened as {@code jdbc:mariadb:}): backtick-quoted
 * identifiers, {@code limit ?}, row-value keyset comparison.
 *
 * <p>{@code TIMESTAMP} columns are instants (stored in UTC, shown in the session's zone), so
 * the session runs in UTC and they are read and bound as UTC; {@code DATETIME} columns are
 * local date-times and stay as they are.
 */
final class MariadbDialect extends JdbcDialect {

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    char quoteChar() {
        return '`';
    }

    @Override
    String limitClause() {
        return "limit ?";
    }

    @Override
    boolean rowValueComparison() {
        return true;
    }

    @Override
    String driverUrl(String url) {
        return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    }

    @Override
    void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set time_zone = '+00:00'");
        }
    }

    @Override
    ColumnKind kindOf(int jdbcType, String typeName, int precision) {
        return switch (typeName.toUpperCase(Locale.ROOT)) {
            case "TIMESTAMP" -> ColumnKind.TIMESTAMPTZ;
            case "JSON" -> ColumnKind.JSON;
            default -> super.kindOf(jdbcType, typeName, precision);
        };
    }

    @Override
    Instant readInstant(ResultSet rows, int index) throws SQLException {
        LocalDateTime utc = rows.getObject(index, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }
}
