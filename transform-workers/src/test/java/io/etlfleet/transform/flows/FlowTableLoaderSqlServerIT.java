package io.etlfleet.transform.flows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * Flow loading into a real SQL Server in a container. Runs only where Docker is available
 * (skipped otherwise, whatever {@code ETL_REQUIRE_SERVICES} says): SQL Server has no
 * local-service fallback. Writes to {@code dbo}.
 */
@Testcontainers(disabledWithoutDocker = true)
class FlowTableLoaderSqlServerIT extends FlowTableLoaderContract {

    @Container
    private static final MSSQLServerContainer SQL_SERVER =
            new MSSQLServerContainer("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
    }

    @Override
    DestinationDialect dialect() {
        return DestinationDialect.forType("sqlserver");
    }

    @Override
    String schema() {
        return "dbo";
    }
}
