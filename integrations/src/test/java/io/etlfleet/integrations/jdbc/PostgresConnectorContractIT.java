package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract and the keyset contract against a live PostgreSQL, in a database of its own. */
class PostgresConnectorContractIT extends ConnectorContractTest implements KeysetContract {

    private static TestDatabase database;
    private static JdbcSource source;

    @BeforeAll
    static void createSource() {
        database = TestServices.postgres().createEmptyDatabase("jdbc_contract");
        source = new JdbcSource(database.url(), database.user(), database.password(), "set time zone 'UTC'",
                "shop.items", "create table shop.items (id bigint primary key, name varchar(200) not null,"
                        + " updated_at timestamptz(6) not null)");
        source.execute("create schema shop");
    }

    @BeforeEach
    void withoutInjectedFaults() {
        source.connections.failNext(0);
    }

    @AfterAll
    static void dropSource() {
        database.close();
    }

    @Override
    public JdbcSource source() {
        return source;
    }

    @Override
    protected int pageSize() {
        return PAGE;
    }

    @Override
    protected String entityType() {
        return source.itemsTable();
    }

    @Override
    protected String scope() {
        return "";
    }

    @Override
    protected void givenRecords(int count) {
        ContractRows.given(source, count);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        return ContractRows.change(source, count);
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.itemIds();
    }

    @Override
    protected void failNextRequests(int requests) {
        source.connections.failNext(requests);
    }

    @Override
    protected Connector connector() {
        return source.itemsConnector(PAGE);
    }

    /** A role that does not exist: rejected during authentication (SQLState 28000) even under trust auth. */
    @Override
    protected Connector connectorWithBadCredentials() {
        return source.connector(source.config(Map.of("name", source.itemsTable(),
                "cursor", new String[] {"updated_at"}, "key", new String[] {"id"}), Map.of()),
                "no_such_role", "wrong");
    }
}
