package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.ConnectorException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcErrorClassifierTest {

    private final JdbcErrorClassifier postgres =
            new JdbcErrorClassifier(JdbcDialect.forUrl("jdbc:postgresql://h/d").orElseThrow(), "pa55word");
    private final JdbcErrorClassifier oracle =
            new JdbcErrorClassifier(JdbcDialect.forUrl("jdbc:oracle:thin:@h:1521/X").orElseThrow(), "pa55word");

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "08S01", "40001", "40P01", "57014", "57P01", "53300"})
    void classifiesConnectionSerializationAndTimeoutStatesAsRetriable(String state) {
        assertThat(postgres.classify(new SQLException("failed", state), "read").retriable()).isTrue();
    }

    @Test
    void classifiesADriverTimeoutAsRetriable() {
        assertThat(postgres.classify(new SQLTimeoutException("query timed out"), "read").retriable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"28000", "28P01"})
    void classifiesRejectedCredentialsAsPermanentSayingSo(String state) {
        ConnectorException e = postgres.classify(new SQLException("password authentication failed", state), "connect");

        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage()).contains("bad credentials");
        assertThat(postgres.outcome(new SQLException("x", state))).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42P01", "42703", "42601", "42S02", "42000"})
    void classifiesMissingTablesColumnsAndSyntaxAsPermanent(String state) {
        assertThat(postgres.classify(new SQLException("does not exist", state), "read").retriable()).isFalse();
        assertThat(postgres.outcome(new SQLException("x", state))).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void readsOracleErrorCodesWhereItsSqlStateIsTooGeneral() {
        assertThat(oracle.outcome(new SQLException("ORA-01017: invalid username/password", "72000", 1017)))
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(oracle.outcome(new SQLException("ORA-00942: table or view does not exist", "42000", 942)))
                .isEqualTo(Outcome.NOT_FOUND);
        assertThat(oracle.classify(new SQLException("ORA-12541: no listener", "08006", 12541), "connect").retriable()).isTrue();
        assertThat(postgres.outcome(new SQLException("unrelated", "HY000", 1017))).isEqualTo(Outcome.SOURCE_ERROR);
    }

    @Test
    void neverRepeatsThePasswordFromADriverMessage() {
        ConnectorException e = postgres.classify(new SQLException("bad option password=pa55word", "08001"), "connect");

        assertThat(e.getMessage()).doesNotContain("pa55word").contains("****");
    }
}
