package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class OracleDialectTest {

    private final JdbcDialect oracle = JdbcDialect.forUrl("jdbc:oracle:thin:@//db:1521/FREEPDB1").orElseThrow();
    private final Identifier table = Identifier.table("SALES.ORDERS", "t");
    private final List<Identifier> order = List.of(Identifier.column("UPDATED_AT", "c"), Identifier.column("REGION", "c"),
            Identifier.column("ID", "c"));

    @Test
    void readsTheFirstPageWithFetchFirstAndNoKeyset() {
        JdbcDialect.PageQuery query = oracle.pageQuery(table, order, false);

        assertThat(query.sql()).isEqualTo("select * from \"SALES\".\"ORDERS\" where \"UPDATED_AT\" is not null"
                + " and \"REGION\" is not null and \"ID\" is not null order by \"UPDATED_AT\", \"REGION\", \"ID\""
                + " fetch first ? rows only");
        assertThat(query.binds()).isEmpty();
    }

    @Test
    void expandsTheKeysetIntoOrTermsBecauseOracleCannotCompareRowValues() {
        JdbcDialect.PageQuery query = oracle.pageQuery(table, order, true);

        assertThat(query.sql()).contains("where (\"UPDATED_AT\" > ? or (\"UPDATED_AT\" = ? and \"REGION\" > ?)"
                + " or (\"UPDATED_AT\" = ? and \"REGION\" = ? and \"ID\" > ?)) and \"UPDATED_AT\" is not null");
        assertThat(query.binds()).containsExactly(0, 0, 1, 0, 1, 2);
    }

    @Test
    void comparesASingleOrderColumnDirectly() {
        JdbcDialect.PageQuery query = oracle.pageQuery(table, List.of(Identifier.column("ID", "c")), true);

        assertThat(query.sql()).startsWith("select * from \"SALES\".\"ORDERS\" where \"ID\" > ? and \"ID\" is not null");
        assertThat(query.binds()).containsExactly(0);
    }

    @Test
    void mapsOracleTimestampWithTimeZoneAndDateToTheirKinds() {
        assertThat(oracle.kindOf(-101, "TIMESTAMP WITH TIME ZONE", 0)).isEqualTo(ColumnKind.TIMESTAMPTZ);
        assertThat(oracle.kindOf(-102, "TIMESTAMP WITH LOCAL TIME ZONE", 0)).isEqualTo(ColumnKind.TIMESTAMPTZ);
        assertThat(oracle.kindOf(Types.TIMESTAMP, "DATE", 0)).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(oracle.kindOf(Types.NUMERIC, "NUMBER", 38)).isEqualTo(ColumnKind.DECIMAL);
        assertThat(oracle.kindOf(101, "BINARY_DOUBLE", 0)).isEqualTo(ColumnKind.FLOAT);
        assertThat(oracle.kindOf(Types.BLOB, "BLOB", 0)).isEqualTo(ColumnKind.BINARY);
    }

    @Test
    void probesTheConfiguredColumnsWithoutReadingRows() {
        assertThat(oracle.probeQuery(table, order))
                .isEqualTo("select \"UPDATED_AT\", \"REGION\", \"ID\" from \"SALES\".\"ORDERS\" where 1 = 0");
    }
    @Test
    void makesEveryTransactionReadOnlyOnTheServerBecauseTheDriverOnlyRecordsTheFlag() throws Exception {
        List<String> executed = new java.util.ArrayList<>();

        oracle.beginReadOnly(recordingConnection(executed));

        assertThat(executed).containsExactly("set transaction read only");
    }

    @Test
    void leavesReadOnlyToTheDriverOnPostgresqlAndMariadb() throws Exception {
        List<String> executed = new java.util.ArrayList<>();

        JdbcDialect.forUrl("jdbc:postgresql://db/x").orElseThrow().beginReadOnly(recordingConnection(executed));
        JdbcDialect.forUrl("jdbc:mariadb://db/x").orElseThrow().beginReadOnly(recordingConnection(executed));

        assertThat(executed).isEmpty();
    }

    /** A connection whose statements only record the SQL they are asked to execute. */
    private static java.sql.Connection recordingConnection(List<String> executed) {
        java.sql.Statement statement = (java.sql.Statement) java.lang.reflect.Proxy.newProxyInstance(
                getLoader(), new Class<?>[] {java.sql.Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        executed.add((String) args[0]);
                        return false;
                    }
                    return null;
                });
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getLoader(),
                new Class<?>[] {java.sql.Connection.class},
                (proxy, method, args) -> method.getName().equals("createStatement") ? statement : null);
    }

    private static ClassLoader getLoader() {
        return OracleDialectTest.class.getClassLoader();
    }
}
