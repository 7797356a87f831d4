package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.oracle.OracleContainer;
import tools.jackson.databind.JsonNode;

/**
 * The connector against a real Oracle Database Free in a container. Runs only where Docker
 * is available (skipped otherwise, whatever {@code ETL_REQUIRE_SERVICES} says): Oracle has
 * no local-service fallback.
 */
@Testcontainers(disabledWithoutDocker = true)
class OracleConnectorIT {

    @Container
    private static final OracleContainer ORACLE = new OracleContainer("gvenzl/oracle-free:23-slim-faststart");

    private static JdbcSource source;

    @BeforeAll
    static void createTable() {
        source = new JdbcSource(ORACLE.getJdbcUrl(), ORACLE.getUsername(), ORACLE.getPassword(),
                "alter session set time_zone = 'UTC'", "ITEMS", "");
        source.execute("""
                create table ITEMS (ID number(19) primary key, AMOUNT number(38,10), PAYLOAD blob,
                    DAY date, AT_ZONE timestamp(6) with time zone, UPDATED_AT timestamp(6) not null)""");
        for (int id = 1; id <= 25; id++) {
            source.execute("insert into ITEMS values (?, 12.5, hextoraw('00FF10'), date '2024-02-29',"
                    + " timestamp '2024-03-01 13:45:30.123456 +01:00', timestamp '2024-03-01 10:00:00')", id);
        }
    }

    private static Connector connector() {
        return source.connector(source.config(Map.of("name", "ITEMS", "cursor", new String[] {"UPDATED_AT"},
                "key", new String[] {"ID"}), Map.of("page_size", 10)), source.user(), source.password());
    }

    @Test
    void readsRowsSharingACursorValueAcrossPagesWithFetchFirstAndTheExpandedKeyset() {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = connector()) {
            connector.extract(new ExtractRequest("ITEMS", "", SyncMode.FULL, Map.of(), Map.of(), Instant.now()), sink);
        }

        assertThat(sink.pages()).extracting(page -> page.records().size()).containsExactly(10, 10, 5);
        assertThat(sink.externalIds()).doesNotHaveDuplicates().hasSize(25);
    }

    @Test
    void writesOracleTypesFaithfully() {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = connector()) {
            connector.extract(new ExtractRequest("ITEMS", "", SyncMode.FULL, Map.of(), Map.of(), Instant.now()), sink);
        }
        JsonNode row = sink.records().get(0).data();

        assertThat(row.get("AMOUNT").asString()).isEqualTo("12.5");
        assertThat(row.get("PAYLOAD").asString()).isEqualTo("AP8Q");
        assertThat(row.get("DAY").asString()).isEqualTo("2024-02-29T00:00:00");
        assertThat(row.get("AT_ZONE").asString()).isEqualTo("2024-03-01T12:45:30.123456Z");
    }

    @Test
    void readsInTransactionsThatRefuseToWrite() {
        try (JdbcClient client = source.itemsClient()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.once(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("delete from ITEMS");
                }
            })).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("ORA-01456");
        }
    }

    @Test
    void passesTheConnectionTest() {
        try (Connector connector = connector()) {
            assertThat(connector.testConnection().ok()).isTrue();
        }
    }
}
