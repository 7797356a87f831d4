package io.etlfleet.transform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.raw.NewRawRecord;
import io.etlfleet.storage.raw.RawBatch;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.transform.jdbc.JdbcTableLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The column rule of the design for every table in schema {@code warehouse}, the migrated ones
 * and those the JDBC loader creates: each keeps tenant, integration, source updated time and the
 * raw row it came from, and has a primary key that starts with the integration (the natural key
 * within it). A new table that breaks the rule fails here.
 */
class WarehouseColumnContractIT {

    private static final Set<String> REQUIRED = Set.of("tenant_id", "integration_id", "source_updated_at", "raw_id");

    private static TestDatabase database;
    private static Jdbi jdbi;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("warehouse_contract");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static void aJdbcTableLoaded() {
        UUID tenant = UUID.randomUUID();
        UUID integration = UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.execute("insert into etl.tenants (id, name) values (?, 'acme')", tenant);
            h.execute("""
                    insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                    values (?, ?, 'jdbc', 'db', '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant);
        });
        UUID batch = UUID.randomUUID();
        String metadata = JsonColumns.write(Map.of("params", Map.of("table", "sales.orders", "key", "id",
                "columns", """
                        [{"name":"id","kind":"integer","precision":19,"scale":0},{"name":"note","kind":"text"},
                         {"name":"updated_at","kind":"timestamptz"}]""")));
        RawStore raw = new RawStore(jdbi);
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration, "sales.orders",
                metadata, List.of(NewRawRecord.of("1", "{\"id\":1,\"note\":\"n\",\"updated_at\":\"2024-01-01T00:00:00Z\"}",
                        Instant.parse("2024-01-01T00:00:00Z"))))));
        List<RawRow> rows = jdbi.withHandle(h -> raw.batch(h, batch));
        jdbi.useTransaction(h -> new JdbcTableLoader().load(h, rows));
    }

    @Test
    void everyWarehouseTableKeepsTenantIntegrationSourceUpdatedAtAndRawIdUnderAnIntegrationKey() {
        aJdbcTableLoaded();

        List<String> tables = jdbi.withHandle(h -> h.createQuery("""
                        select table_name from information_schema.tables
                         where table_schema = 'warehouse' and table_type = 'BASE TABLE' order by table_name""")
                .mapTo(String.class).list());
        List<String> violations = new ArrayList<>();
        for (String table : tables) {
            Set<String> columns = Set.copyOf(jdbi.withHandle(h -> h.createQuery("""
                            select column_name from information_schema.columns
                             where table_schema = 'warehouse' and table_name = :table""")
                    .bind("table", table).mapTo(String.class).list()));
            REQUIRED.stream().filter(c -> !columns.contains(c)).forEach(c -> violations.add(table + " lacks " + c));
            List<String> key = jdbi.withHandle(h -> h.createQuery("""
                            select a.attname from pg_index i
                              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                             where i.indrelid = ('warehouse.' || quote_ident(:table))::regclass and i.indisprimary
                             order by array_position(i.indkey::int2[], a.attnum)""")
                    .bind("table", table).mapTo(String.class).list());
            if (key.size() < 2 || !key.get(0).equals("integration_id")) {
                violations.add(table + " has primary key " + key + ", not (integration_id, natural key)");
            }
        }

        assertThat(tables).contains("github_issues", "jira_issue_transitions", "jira_projects", "jira_statuses")
                .anyMatch(t -> t.startsWith("jdbc_"));
        assertThat(violations).isEmpty();
    }
}
