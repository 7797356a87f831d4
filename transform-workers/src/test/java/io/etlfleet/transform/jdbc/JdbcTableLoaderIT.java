package io.etlfleet.transform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.raw.NewRawRecord;
import io.etlfleet.storage.raw.RawBatch;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.transform.loading.LoadResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JdbcTableLoaderIT {

    private static final String ORDER_COLUMNS = """
            [{"name":"id","kind":"integer","precision":19,"scale":0},
             {"name":"amount","kind":"decimal","precision":38,"scale":10},
             {"name":"paid","kind":"boolean"},
             {"name":"payload","kind":"binary"},
             {"name":"doc","kind":"json"},
             {"name":"placed_on","kind":"date"},
             {"name":"local_at","kind":"timestamp"},
             {"name":"updated_at","kind":"timestamptz"},
             {"name":"tenant_id","kind":"text"}]""";

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static UUID tenant;
    private final RawStore raw = new RawStore(jdbi);
    private final JdbcTableLoader loader = new JdbcTableLoader();

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("jdbc_loader");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        tenant = UUID.randomUUID();
        jdbi.useHandle(h -> h.execute("insert into etl.tenants (id, name) values (?, 'acme')", tenant));
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static UUID anIntegration() {
        UUID integration = UUID.randomUUID();
        jdbi.useHandle(h -> h.execute("""
                insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                values (?, ?, 'jdbc', ?, '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant, "db " + integration));
        return integration;
    }

    private static String anOrder(long id, String amount, String updatedAt) {
        return """
                {"id":%d,"amount":"%s","paid":true,"payload":"AP8Q","doc":"{\\"a\\": [1, 2]}","placed_on":"2024-02-29",
                 "local_at":"2024-03-01T13:45:30.5","updated_at":"%s","tenant_id":"their-tenant"}"""
                .formatted(id, amount, updatedAt);
    }

    private List<RawRow> store(UUID integration, String columns, String... ordersJson) {
        UUID batch = UUID.randomUUID();
        List<NewRawRecord> records = Arrays.stream(ordersJson)
                .map(json -> NewRawRecord.of(json.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"), json,
                        Instant.parse(json.replaceAll("(?s).*\"updated_at\":\"([^\"]+)\".*", "$1"))))
                .toList();
        String metadata = JsonColumns.write(Map.of("params", Map.of("table", "sales.orders", "key", "id", "columns", columns)));
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration, "sales.orders",
                metadata, records)));
        return jdbi.withHandle(h -> raw.batch(h, batch));
    }

    private LoadResult load(List<RawRow> rows) {
        return jdbi.inTransaction(h -> loader.load(h, rows));
    }

    private static String table(UUID integration) {
        return WarehouseIdentifiers.qualified(WarehouseIdentifiers.targetTable(integration, "sales.orders"));
    }

    private static Map<String, Object> order(UUID integration, long id) {
        return jdbi.withHandle(h -> h.createQuery("select amount::text as amount, paid, encode(payload, 'hex') as payload,"
                        + " doc ->> 'a' as doc, placed_on::text as placed_on, local_at::text as local_at, updated_at,"
                        + " source_tenant_id, tenant_id, raw_id from " + table(integration) + " where id = :id")
                .bind("id", id).mapToMap().one());
    }

    private static Map<String, String> columnTypes(UUID integration) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select column_name, format_type(atttypid, atttypmod) as type
                          from information_schema.columns c
                          join pg_attribute a on a.attrelid = ('warehouse.' || quote_ident(c.table_name))::regclass
                                             and a.attname = c.column_name
                         where table_schema = 'warehouse' and table_name = :table""")
                .bind("table", WarehouseIdentifiers.targetTable(integration, "sales.orders"))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void createsTheTargetTableFromTheSourceColumnTypesOnFirstLoad() {
        UUID integration = anIntegration();

        load(store(integration, ORDER_COLUMNS, anOrder(1, "12.3400000000", "2024-03-01T12:00:00Z")));

        assertThat(columnTypes(integration)).containsEntry("id", "bigint").containsEntry("amount", "numeric(38,10)")
                .containsEntry("paid", "boolean").containsEntry("payload", "bytea").containsEntry("doc", "jsonb")
                .containsEntry("placed_on", "date").containsEntry("local_at", "timestamp without time zone")
                .containsEntry("updated_at", "timestamp with time zone").containsEntry("source_tenant_id", "text")
                .containsEntry("tenant_id", "uuid").containsEntry("integration_id", "uuid").containsKeys("raw_id", "loaded_at");
    }

    @Test
    void storesEachValueAsItsType() {
        UUID integration = anIntegration();

        load(store(integration, ORDER_COLUMNS, anOrder(1, "1234567890123456789012345678.0123456789", "2024-03-01T12:00:00.123456Z")));

        assertThat(order(integration, 1)).containsEntry("amount", "1234567890123456789012345678.0123456789")
                .containsEntry("paid", true).containsEntry("payload", "00ff10").containsEntry("doc", "[1, 2]")
                .containsEntry("placed_on", "2024-02-29").containsEntry("local_at", "2024-03-01 13:45:30.5")
                .containsEntry("source_tenant_id", "their-tenant").containsEntry("tenant_id", tenant);
    }

    @Test
    void loadingTheSameRowsAgainChangesNothing() {
        UUID integration = anIntegration();
        List<RawRow> rows = store(integration, ORDER_COLUMNS, anOrder(1, "1", "2024-03-01T12:00:00Z"),
                anOrder(2, "2", "2024-03-01T12:00:00Z"));
        load(rows);
        Map<String, Object> before = order(integration, 2);

        LoadResult again = load(rows);

        assertThat(again.upserted()).isZero();
        assertThat(again.stale()).isEqualTo(2);
        assertThat(order(integration, 2)).isEqualTo(before);
    }

    @Test
    void aNewerVersionReplacesAnOlderOneButNeverTheReverse() {
        UUID integration = anIntegration();
        List<RawRow> older = store(integration, ORDER_COLUMNS, anOrder(7, "1.0000000000", "2024-03-01T12:00:00Z"));
        List<RawRow> newer = store(integration, ORDER_COLUMNS, anOrder(7, "2.0000000000", "2024-03-02T12:00:00Z"));

        load(older);
        assertThat(load(newer).upserted()).isEqualTo(1);
        LoadResult replayOfOlder = load(older);

        assertThat(replayOfOlder.upserted()).isZero();
        assertThat(order(integration, 7)).containsEntry("amount", "2.0000000000");
    }

    @Test
    void addsAColumnTheSourceGainedAndKeepsTheOldRows() {
        UUID integration = anIntegration();
        load(store(integration, ORDER_COLUMNS, anOrder(1, "1", "2024-03-01T12:00:00Z")));
        String gained = ORDER_COLUMNS.replace("]", ",{\"name\":\"channel\",\"kind\":\"text\"}]");

        load(store(integration, gained, anOrder(2, "2", "2024-03-02T12:00:00Z").replaceFirst("}\\s*$", ",\"channel\":\"web\"}")));

        assertThat(columnTypes(integration)).containsEntry("channel", "text");
        String channel = jdbi.withHandle(h -> h.createQuery("select channel from " + table(integration) + " where id = 2")
                .mapTo(String.class).one());
        assertThat(channel).isEqualTo("web");
        assertThat(order(integration, 1)).containsEntry("amount", "1.0000000000");
    }

    @Test
    void keepsEachIntegrationsRowsInATableOfItsOwn() {
        UUID one = anIntegration();
        UUID other = anIntegration();

        load(store(one, ORDER_COLUMNS, anOrder(1, "1", "2024-03-01T12:00:00Z")));
        load(store(other, ORDER_COLUMNS, anOrder(1, "9", "2024-03-01T12:00:00Z")));

        assertThat(table(one)).isNotEqualTo(table(other));
        assertThat(order(one, 1)).containsEntry("amount", "1.0000000000");
        assertThat(order(other, 1)).containsEntry("amount", "9.0000000000");
    }
    @Test
    void aRowWithoutAKeyValueIsRejectedAndTheRestOfTheBatchLoads() {
        UUID integration = anIntegration();
        List<RawRow> rows = store(integration, ORDER_COLUMNS, anOrder(1, "1", "2024-03-01T12:00:00Z"),
                anOrder(2, "2", "2024-03-01T12:00:00Z").replace("\"id\":2", "\"id\":null"));

        LoadResult result = load(rows);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.rawId()).isEqualTo(rows.get(1).id());
            assertThat(r.reason()).isEqualTo("key column id has no value");
        });
        assertThat(ids(integration)).containsExactly(1L);
    }

    @Test
    void aValueThatNoLongerFitsARetypedColumnIsRejectedAloneAndTheRestOfTheBatchLoads() {
        UUID integration = anIntegration();
        load(store(integration, ORDER_COLUMNS, anOrder(1, "1", "2024-03-01T12:00:00Z")));
        String paidAsText = ORDER_COLUMNS.replace("{\"name\":\"paid\",\"kind\":\"boolean\"}",
                "{\"name\":\"paid\",\"kind\":\"text\"}");
        List<RawRow> rows = store(integration, paidAsText,
                anOrder(2, "2", "2024-03-02T12:00:00Z").replace("\"paid\":true", "\"paid\":\"maybe\""),
                anOrder(3, "3", "2024-03-02T12:00:00Z").replace("\"paid\":true", "\"paid\":\"false\""),
                anOrder(4, "4", "2024-03-02T12:00:00Z").replace("\"paid\":true", "\"paid\":\"true\""));

        LoadResult result = load(rows);

        assertThat(result).isEqualTo(new LoadResult(2, 0, 0, result.rejected()));
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.rawId()).isEqualTo(rows.get(0).id());
            assertThat(r.reason()).contains("invalid input syntax for type boolean: \"maybe\"");
        });
        assertThat(columnTypes(integration)).containsEntry("paid", "boolean");
        assertThat(ids(integration)).containsExactly(1L, 3L, 4L);
        assertThat(order(integration, 3)).containsEntry("paid", false);
    }

    @Test
    void widensADecimalColumnWhenTheSourcesPrecisionAndScaleGrowSoNoDigitIsRounded() {
        UUID integration = anIntegration();
        String narrow = ORDER_COLUMNS.replace("\"precision\":38,\"scale\":10", "\"precision\":10,\"scale\":2");
        load(store(integration, narrow, anOrder(1, "12345678.12", "2024-03-01T12:00:00Z")));
        String wider = ORDER_COLUMNS.replace("\"precision\":38,\"scale\":10", "\"precision\":9,\"scale\":4");

        LoadResult result = load(store(integration, wider, anOrder(2, "12345.6789", "2024-03-02T12:00:00Z")));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(columnTypes(integration)).containsEntry("amount", "numeric(12,4)");
        assertThat(order(integration, 1)).containsEntry("amount", "12345678.1200");
        assertThat(order(integration, 2)).containsEntry("amount", "12345.6789");
    }

    private static List<Long> ids(UUID integration) {
        return jdbi.withHandle(h -> h.createQuery("select id from " + table(integration) + " order by id")
                .mapTo(Long.class).list());
    }
}
