package io.etlfleet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** A reachable PostgreSQL server on which each test class creates a database of its own. */
public record PostgresService(String jdbcUrl, String user, String password) {

    /**
     * Creates an empty database named after {@code label} plus a random suffix, migrated
     * with the project's Flyway migrations.
     */
    public TestDatabase createDatabase(String label) {
        String name = ("etl_test_" + label.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        execute("create database \"" + name + "\"");
        TestDatabase database = new TestDatabase(this, name, urlFor(name), user, password);
        // Same schema settings as the apps (runtime's fleet-defaults.properties).
        Flyway.configure().dataSource(database.url(), user, password)
                .schemas("etl", "warehouse").defaultSchema("etl")
                .load().migrate();
        return database;
    }

    /** Creates a database without running migrations, for tests of the migration path itself. */
    public TestDatabase createEmptyDatabase(String label) {
        String name = ("etl_test_" + label + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute("create database \"" + name + "\"");
        return new TestDatabase(this, name, urlFor(name), user, password);
    }

    String urlFor(String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String base = jdbcUrl.substring(0, slash + 1);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        return base + database + params;
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }
}
