package io.etlfleet.transform.flows;

import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Flow loading into a real PostgreSQL, in a database and schema of this class's own. */
class FlowTableLoaderPostgresIT extends FlowTableLoaderContract {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestServices.postgres().createEmptyDatabase("flow_loader");
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create schema dest");
        }
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    @Override
    DestinationDialect dialect() {
        return DestinationDialect.forType("postgresql");
    }

    @Override
    String schema() {
        return "dest";
    }

    @Override
    Object runId(UUID run) {
        return run;
    }
}
