package io.etlfleet.runtime.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void recognisesAConnectionFailureDeepInTheCauseChain() {
        Throwable failure = new IllegalStateException("page commit failed",
                new RuntimeException(new SQLException("Connection refused", "08001")));

        assertThat(DatabaseFailures.isUnavailable(failure)).isTrue();
    }

    @Test
    void recognisesAServerShuttingDown() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void recognisesAnExhaustedPoolAndJdbisConnectionException() {
        assertThat(DatabaseFailures.isUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new ConnectionException(new SQLException("down")))).isTrue();
    }

    @Test
    void doesNotTakeADataErrorForAnOutage() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalArgumentException("bad row"))).isFalse();
    }
}
