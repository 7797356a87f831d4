package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code query_timeout_seconds} reaches the server: a page query that runs longer is
 * cancelled by PostgreSQL (SQLState 57014) and reported as retriable, so the job is retried
 * later instead of holding a connection open.
 */
class PostgresQueryTimeoutIT {

    private static TestDatabase database;
    private static JdbcSource source;

    @BeforeAll
    static void createASlowView() {
        database = TestServices.postgres().createEmptyDatabase("jdbc_query_timeout");
        source = new JdbcSource(database.url(), database.user(), database.password(), "set time zone 'UTC'", "slow", "");
        source.execute("create table items (id bigint primary key, updated_at timestamptz not null)");
        source.execute("insert into items values (1, timestamptz '2024-01-01 00:00:00Z')");
        // Every row read costs 30 seconds, far beyond the one-second timeout.
        source.execute("create view slow as select i.id, i.updated_at from items i, lateral (select pg_sleep(30)) as s");
    }

    @AfterAll
    static void dropSource() {
        database.close();
    }

    @Test
    void cancelsAPageQueryThatRunsPastTheTimeoutAndReportsItAsRetriable() {
        try (Connector connector = source.connector(source.config(Map.of("name", "slow", "cursor",
                new String[] {"updated_at"}, "key", new String[] {"id"}), Map.of("query_timeout_seconds", 1)),
                source.user(), source.password())) {
            assertThatThrownBy(() -> connector.extract(new ExtractRequest("slow", "", SyncMode.FULL, Map.of(), Map.of(),
                    Instant.now()), RecordingSink.all()))
                    .isInstanceOfSatisfying(RetriableConnectorException.class,
                            e -> assertThat(e.getMessage()).contains("57014"));
        }
    }
}
