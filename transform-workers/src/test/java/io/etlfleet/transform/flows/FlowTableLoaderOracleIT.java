package io.etlfleet.transform.flows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;

/**
 * Flow loading into a real Oracle Database Free in a container. Runs only where Docker is
 * available (skipped otherwise, whatever {@code ETL_REQUIRE_SERVICES} says): Oracle has no
 * local-service fallback. Writes to the container user's own schema.
 */
@Testcontainers(disabledWithoutDocker = true)
class FlowTableLoaderOracleIT extends FlowTableLoaderContract {

    @Container
    private static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-free:23-slim-faststart");

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(ORACLE.getJdbcUrl(), ORACLE.getUsername(), ORACLE.getPassword());
    }

    @Override
    DestinationDialect dialect() {
        return DestinationDialect.forType("oracle");
    }

    @Override
    String schema() {
        return ORACLE.getUsername();
    }
}
