package io.etlfleet.transform.flows;

import io.etlfleet.testing.MariadbDatabase;
import io.etlfleet.testing.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Flow loading into a real MariaDB, in a database of this class's own; the session runs in
 * another time zone than UTC to show timestamps are stored as UTC whatever it is.
 */
class FlowTableLoaderMariadbIT extends FlowTableLoaderContract {

    private static MariadbDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.mariadb().createDatabase("flow_loader");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Override
    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        connection.createStatement().execute("SET time_zone = '+05:00'");
        return connection;
    }

    @Override
    DestinationDialect dialect() {
        return DestinationDialect.forType("mariadb");
    }

    @Override
    String schema() {
        return database.name();
    }

    @Override
    OffsetDateTime timestamp(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).atOffset(ZoneOffset.UTC);
    }
}
