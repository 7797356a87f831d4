package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.testing.MariadbDatabase;
import io.etlfleet.testing.TestServices;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract and the keyset contract against a live MariaDB, in a database of its own. */
class MariadbConnectorContractIT extends ConnectorContractTest implements KeysetContract {

    private static MariadbDatabase database;
    private static JdbcSource source;

    @BeforeAll
    static void createSource() {
        database = TestServices.mariadb().createDatabase("jdbc_contract");
        source = new JdbcSource(database.url(), database.user(), database.password(), "set time_zone = '+00:00'",
                "items", "create table items (id bigint primary key, name varchar(200) not null,"
                        + " updated_at timestamp(6) not null)");
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

    /** The right user with a wrong password: access denied (SQLState 28000). */
    @Override
    protected Connector connectorWithBadCredentials() {
        return source.connector(source.config(Map.of("name", source.itemsTable(),
                "cursor", new String[] {"updated_at"}, "key", new String[] {"id"}), Map.of()),
                source.user(), "wrong-password");
    }
}
