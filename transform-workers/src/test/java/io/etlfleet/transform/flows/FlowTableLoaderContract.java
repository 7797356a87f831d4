package io.etlfleet.transform.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.RowMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What every destination's flow loading does, run against a real database by one subclass
 * per dialect. Each test writes a table of its own; loads run in a transaction committed
 * afterwards, as the transform worker does.
 */
abstract class FlowTableLoaderContract {

    private final FlowTableLoader loader = new FlowTableLoader();
    private String table;

    /** A new connection to the destination, in auto-commit mode. */
    abstract Connection connect() throws SQLException;

    abstract DestinationDialect dialect();

    /** The schema flows write to in this database (null: the connection's own). */
    abstract String schema();

    /** A timestamp column as the database returns it, in UTC. */
    OffsetDateTime timestamp(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @BeforeEach
    void nameTheTable() {
        table = "orders_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private FlowDefinition flow(String mode, String key, String mappings) {
        return FlowDefinition.from(RowMapper.readRaw("""
                {"name":"orders","target_table":"%s","mode":"%s",%s"mappings":%s}"""
                .formatted(table, mode, key == null ? "" : "\"key\":" + key + ",", mappings)));
    }

    private FlowDefinition orders(String mode) {
        return flow(mode, mode.equals("append") ? null : "[\"id\"]", FlowFixtures.MAPPINGS);
    }

    private static RawInput anOrder(long rawId, long id, String name) {
        return new RawInput(rawId, "order-" + id, RowMapper.readRaw("""
                {"id":%d,"name":"%s","amount":"12.50","doc":{"a":[1,2.5],"b":"x"}}""".formatted(id, name)));
    }

    private LoadCounts load(FlowDefinition flow, UUID run, List<RawInput> rows) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            LoadCounts counts = loader.load(connection, dialect(), schema(), flow, run, rows);
            connection.commit();
            return counts;
        }
    }

    /** The table's rows by {@code order by}, each column by its mapping name (lower case). */
    private List<Map<String, Object>> rows(String orderBy, String... columns) throws SQLException {
        DestinationDialect dialect = dialect();
        List<String> quoted = new ArrayList<>();
        for (String column : columns) {
            quoted.add(dialect.quote(column));
        }
        String sql = "SELECT " + String.join(", ", quoted) + " FROM " + dialect.table(schema(), table)
                + " ORDER BY " + dialect.quote(orderBy);
        List<Map<String, Object>> result = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    Object value = rows.getObject(i + 1);
                    row.put(columns[i], value instanceof Number number ? number.longValue() : value);
                }
                result.add(row);
            }
        }
        return result;
    }

    private List<Object> column(String column) throws SQLException {
        return rows("id", column).stream().map(row -> row.get(column)).toList();
    }

    @Test
    void createsTheTableOfAFlowWithItsKey() throws SQLException {
        LoadCounts counts = load(orders("merge"), UUID.randomUUID(), List.of(anOrder(1, 1, "a"), anOrder(2, 2, "b")));

        assertThat(counts).isEqualTo(new LoadCounts(2, 2, List.of()));
        try (Connection connection = connect()) {
            assertThat(dialect().existingColumns(connection, schema(), table)).containsExactlyInAnyOrder(
                    "id", "name", "amount", "doc", "_etl_raw_id", "_etl_run_id", "_etl_loaded_at");
            assertThat(dialect().primaryKey(connection, schema(), table)).containsExactly("id");
        }
        assertThat(column("name")).containsExactly("a", "b");
    }

    @Test
    void createsAnEmptyTableForAnEmptyLoad() throws SQLException {
        assertThat(load(orders("append"), UUID.randomUUID(), List.of())).isEqualTo(new LoadCounts(0, 0, List.of()));
        assertThat(column("id")).isEmpty();
    }

    @Test
    void addsAColumnWhenTheFlowGainsAMapping() throws SQLException {
        load(orders("merge"), UUID.randomUUID(), List.of(anOrder(1, 1, "a")));
        FlowDefinition wider = flow("merge", "[\"id\"]", """
                [{"source":"/id","target":"id","type":"bigint"},{"source":"/name","target":"name","type":"text"},
                 {"source":"/placed_on","target":"placed_on","type":"date"}]""");

        load(wider, UUID.randomUUID(), List.of(new RawInput(2, "o-2", RowMapper.readRaw(
                "{\"id\":2,\"name\":\"b\",\"placed_on\":\"2024-02-29\"}"))));

        List<Map<String, Object>> rows = rows("id", "id", "name", "amount");
        assertThat(rows).extracting(row -> row.get("name")).containsExactly("a", "b");
        assertThat(rows.get(1).get("amount")).isNull();
        try (Connection connection = connect();
                ResultSet date = connection.createStatement().executeQuery("SELECT " + dialect().quote("placed_on")
                        + " FROM " + dialect().table(schema(), table) + " ORDER BY " + dialect().quote("id"))) {
            assertThat(date.next()).isTrue();
            assertThat(date.getObject(1)).isNull();
            assertThat(date.next()).isTrue();
            assertThat(date.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        }
    }

    @Test
    void mergingTheSameBatchTwiceLeavesTheSameRows() throws SQLException {
        UUID run = UUID.randomUUID();
        List<RawInput> batch = List.of(anOrder(1, 1, "a"), anOrder(2, 2, "b"), anOrder(3, 3, "c"));
        load(orders("merge"), run, batch);
        List<Map<String, Object>> first = rows("id", "id", "name", "_etl_raw_id", "_etl_run_id");

        load(orders("merge"), run, batch);

        assertThat(rows("id", "id", "name", "_etl_raw_id", "_etl_run_id")).isEqualTo(first).hasSize(3);
    }

    @Test
    void anOlderRawVersionNeverOverwritesANewerRow() throws SQLException {
        UUID newer = UUID.randomUUID();
        load(orders("merge"), newer, List.of(anOrder(20, 1, "new")));

        load(orders("merge"), UUID.randomUUID(), List.of(anOrder(10, 1, "old")));

        assertThat(rows("id", "name", "_etl_raw_id", "_etl_run_id")).singleElement()
                .isEqualTo(Map.of("name", "new", "_etl_raw_id", 20L, "_etl_run_id", runId(newer)));
    }

    @Test
    void theNewestVersionOfAKeyInOneBatchWins() throws SQLException {
        LoadCounts counts = load(orders("merge"), UUID.randomUUID(),
                List.of(anOrder(20, 1, "new"), anOrder(10, 1, "old"), anOrder(30, 2, "b")));

        assertThat(counts.written()).isEqualTo(2);
        assertThat(rows("id", "id", "name", "_etl_raw_id")).containsExactly(
                Map.of("id", 1L, "name", "new", "_etl_raw_id", 20L), Map.of("id", 2L, "name", "b", "_etl_raw_id", 30L));
    }

    @Test
    void theSameRawIdLoadedAgainRewritesTheRow() throws SQLException {
        FlowDefinition shouting = flow("merge", "[\"id\"]", """
                [{"source":"/id","target":"id","type":"bigint"},{"source":"/name","target":"name","type":"text","transform":"upper"}]""");
        load(shouting, UUID.randomUUID(), List.of(anOrder(10, 1, "ada")));
        UUID rerun = UUID.randomUUID();

        load(orders("merge"), rerun, List.of(anOrder(10, 1, "ada")));

        assertThat(rows("id", "name", "_etl_run_id")).containsExactly(Map.of("name", "ada", "_etl_run_id", runId(rerun)));
    }

    @Test
    void appendKeepsEveryVersionAndSkipsARawIdLoadedAgain() throws SQLException {
        UUID first = UUID.randomUUID();
        load(orders("append"), first, List.of(anOrder(1, 1, "a"), anOrder(2, 1, "b")));

        LoadCounts again = load(orders("append"), UUID.randomUUID(), List.of(anOrder(2, 1, "b"), anOrder(3, 1, "c")));

        assertThat(again).isEqualTo(new LoadCounts(2, 2, List.of()));
        assertThat(rows("_etl_raw_id", "_etl_raw_id", "name")).containsExactly(Map.of("_etl_raw_id", 1L, "name", "a"),
                Map.of("_etl_raw_id", 2L, "name", "b"), Map.of("_etl_raw_id", 3L, "name", "c"));
        assertThat(rows("_etl_raw_id", "_etl_run_id").get(1).get("_etl_run_id")).isEqualTo(runId(first));
    }

    @Test
    void replaceLeavesOnlyTheLastRunsRows() throws SQLException {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        load(orders("replace"), first, List.of(anOrder(1, 1, "a"), anOrder(2, 2, "b"), anOrder(3, 3, "c")));

        load(orders("replace"), second, List.of(anOrder(2, 2, "b"), anOrder(4, 4, "d")));

        assertThat(rows("id", "id", "_etl_run_id")).containsExactly(Map.of("id", 2L, "_etl_run_id", runId(second)),
                Map.of("id", 4L, "_etl_run_id", runId(second)));
    }

    @Test
    void replaceWithoutAKeyKeepsEveryRowOfTheLastRun() throws SQLException {
        FlowDefinition flow = flow("replace", null, FlowFixtures.MAPPINGS);
        load(flow, UUID.randomUUID(), List.of(anOrder(1, 1, "a"), anOrder(2, 1, "b")));
        UUID second = UUID.randomUUID();

        load(flow, second, List.of(anOrder(3, 1, "c"), anOrder(4, 1, "d")));
        load(flow, second, List.of(anOrder(4, 1, "d")));

        assertThat(rows("_etl_raw_id", "_etl_raw_id")).extracting(row -> row.get("_etl_raw_id")).containsExactly(3L, 4L);
    }

    @Test
    void storesEveryTypeFaithfully() throws SQLException {
        FlowDefinition flow = flow("merge", "[\"id\"]", """
                [{"source":"/id","target":"id","type":"bigint"},{"source":"/n","target":"n","type":"integer"},
                 {"source":"/amount","target":"amount","type":"numeric"},{"source":"/paid","target":"paid","type":"boolean"},
                 {"source":"/unpaid","target":"unpaid","type":"boolean"},{"source":"/day","target":"day","type":"date"},
                 {"source":"/at","target":"at","type":"timestamp"},{"source":"/text","target":"text","type":"text"},
                 {"source":"/nul","target":"nul","type":"text"},{"source":"","target":"doc","type":"jsonb"},
                 {"source":"/missing","target":"missing","type":"timestamp"}]""");
        String raw = """
                {"id":9223372036854775807,"n":-2147483648,"amount":12345678901234567890.1234567891,"paid":"yes",
                 "unpaid":false,"day":"2024-02-29","at":"2024-03-01T13:45:30.123456+01:00",
                 "text":"emoji 😀 שלום é","nul":"a\\u0000b","x":{"y":[1,2.50,"z\\u0000"]}}""";

        load(flow, UUID.randomUUID(), List.of(new RawInput(1, "x", RowMapper.readRaw(raw))));

        String sql = "SELECT * FROM " + dialect().table(schema(), table);
        try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(name("id"))).isEqualTo(Long.MAX_VALUE);
            assertThat(rows.getInt(name("n"))).isEqualTo(Integer.MIN_VALUE);
            assertThat(rows.getBigDecimal(name("amount"))).isEqualByComparingTo(new BigDecimal("12345678901234567890.1234567891"));
            assertThat(rows.getBoolean(name("paid"))).isTrue();
            assertThat(rows.getBoolean(name("unpaid"))).isFalse();
            assertThat(rows.getObject(name("day"), LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
            assertThat(timestamp(rows, name("at"))).isEqualTo(OffsetDateTime.of(2024, 3, 1, 12, 45, 30, 123_456_000, ZoneOffset.UTC));
            assertThat(rows.getString(name("text"))).isEqualTo("emoji 😀 שלום é");
            assertThat(rows.getString(name("nul"))).isEqualTo("ab");
            JsonNode doc = JsonColumns.MAPPER.readTree(rows.getString(name("doc")));
            assertThat(doc.at("/x/y/2").asString()).isEqualTo("z");
            assertThat(doc.at("/x/y/1").decimalValue()).isEqualByComparingTo("2.5");
            assertThat(doc.at("/text").asString()).isEqualTo("emoji 😀 שלום é");
            assertThat(rows.getObject(name("missing"))).isNull();
            assertThat(timestamp(rows, name("_etl_loaded_at"))).isBetween(OffsetDateTime.now().minusMinutes(5),
                    OffsetDateTime.now().plusMinutes(1));
        }
    }

    /** A column's name as the database reports it in a result set. */
    private String name(String column) {
        return dialect().quote(column).replaceAll("[\"`\\[\\]]", "");
    }

    @Test
    void rejectsObjectsThatDoNotMapAndLoadsTheRest() throws SQLException {
        LoadCounts counts = load(orders("merge"), UUID.randomUUID(), List.of(anOrder(1, 1, "a"),
                new RawInput(2, "order-2", RowMapper.readRaw("{\"id\":2,\"amount\":\"12,5x\"}")),
                new RawInput(3, "order-3", RowMapper.readRaw("{\"name\":\"no id\"}")), anOrder(4, 4, "d")));

        assertThat(counts.read()).isEqualTo(4);
        assertThat(counts.written()).isEqualTo(2);
        assertThat(counts.rejected()).containsExactly(
                new RowRejection(2, "order-2", "mappings[2] (amount): \"12,5x\" is not a numeric"),
                new RowRejection(3, "order-3", "mappings[0] (id): the key column has no value (source /id)"));
        assertThat(column("id")).containsExactly(1L, 4L);
    }

    @Test
    void writesMoreRowsThanOneBatchHolds() throws SQLException {
        List<RawInput> many = new ArrayList<>();
        for (int i = 1; i <= 2_345; i++) {
            many.add(anOrder(i, i, "n" + i));
        }

        assertThat(load(orders("merge"), UUID.randomUUID(), many).written()).isEqualTo(2_345);
        assertThat(column("id")).hasSize(2_345).last().isEqualTo(2_345L);
    }

    @Test
    void refusesATableWhosePrimaryKeyIsNotTheFlowsKey() throws SQLException {
        load(orders("merge"), UUID.randomUUID(), List.of(anOrder(1, 1, "a")));
        FlowDefinition byName = flow("merge", "[\"name\"]", FlowFixtures.MAPPINGS);

        assertThatThrownBy(() -> load(byName, UUID.randomUUID(), List.of(anOrder(2, 2, "b"))))
                .isInstanceOf(FlowLoadException.class).hasMessageContaining("a flow with another key needs a new target table");
    }

    @Test
    void twoWorkersCreatingTheSameTableAtOnceBothLoad() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<LoadCounts>> loads = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                long id = worker + 1;
                loads.add(workers.submit(() -> {
                    start.await();
                    try (Connection connection = connect()) {
                        connection.setAutoCommit(false);
                        LoadCounts counts = new FlowTableLoader().load(connection, dialect(), schema(), orders("merge"),
                                UUID.randomUUID(), List.of(anOrder(id, id, "w" + id)));
                        connection.commit();
                        return counts;
                    }
                }));
            }
            start.countDown();
            for (Future<LoadCounts> load : loads) {
                assertThat(load.get(60, TimeUnit.SECONDS).written()).isEqualTo(1);
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(column("name")).containsExactly("w1", "w2");
    }

    /** A run id as this database returns it. */
    Object runId(UUID run) {
        return run.toString();
    }
}
