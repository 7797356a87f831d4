package io.etlfleet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A reachable MariaDB (or MySQL) server on which each test class creates a database of its
 * own, e.g. as the source of the JDBC connector's tests.
 *
 * @param jdbcUrl {@code jdbc:mariadb://host:port[/database][?options]}
 */
public record MariadbService(String jdbcUrl, String user, String password) {

    /** Creates an empty database named after {@code label} plus a random suffix. */
    public MariadbDatabase createDatabase(String label) {
        String name = ("etl_test_" + label.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        execute("create database `" + name + "`");
        return new MariadbDatabase(this, name, urlFor(name), user, password);
    }

    String urlFor(String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?');
        int hostEnd = slash >= 0 ? slash : query >= 0 ? query : jdbcUrl.length();
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, hostEnd) + "/" + database + params;
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB: " + sql + ": " + e.getMessage(), e);
        }
    }
}
