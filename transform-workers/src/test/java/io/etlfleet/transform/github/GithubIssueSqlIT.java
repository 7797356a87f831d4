package io.etlfleet.transform.github;

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
import io.etlfleet.transform.loading.SqlMappedLoader.SqlLoad;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The SQL mapping of {@code github_issues} gives exactly the rows of the Java mapping for every
 * object it takes, and leaves to the Java mapping every object it cannot map the same way.
 */
class GithubIssueSqlIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static UUID tenant;
    private static UUID integration;
    private final RawStore raw = new RawStore(jdbi);
    private final GithubIssueLoader loader = new GithubIssueLoader();

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("issue_sql");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        tenant = UUID.randomUUID();
        integration = UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.execute("insert into etl.tenants (id, name) values (?, 'acme')", tenant);
            h.execute("""
                    insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                    values (?, ?, 'github', 'gh', '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant);
        });
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyWarehouse() {
        jdbi.useHandle(h -> h.execute("delete from warehouse.github_issues; delete from etl.raw_extraction_data"));
    }

    private static final List<String> WELL_FORMED = List.of(
            """
            {"id":1001,"number":1,"title":"Crash on start 😀","state":"open","body":"stack\\ntrace","user":{"login":"octo"},
             "labels":[{"name":"bug"},{"name":"p1"},{"id":3}],"assignees":[{"login":"hubot"}],"comments":2,
             "created_at":"2024-01-01T00:00:00Z","updated_at":"2024-02-01T10:00:00.123Z","closed_at":null}""",
            """
            {"id":1002,"number":2,"title":"  e\\u0301 שלום \\\\u0000 ","state":"closed","body":null,"user":null,
             "labels":[],"assignees":null,"created_at":"2024-01-02T00:00:00Z","updated_at":"2024-02-02T00:00:00Z",
             "closed_at":"2024-02-02T00:00:00Z"}""",
            """
            {"id":1003,"number":3,"title":"no optional fields","state":"open",
             "created_at":"2024-01-03T00:00:00Z","updated_at":"2024-02-03T00:00:00Z"}""",
            """
            {"id":1004,"number":4,"title":"a pull request","state":"open","pull_request":{"url":"x"},
             "created_at":"2024-01-04T00:00:00Z","updated_at":"2024-02-04T00:00:00Z"}""",
            """
            {"id":1005,"number":5,"title":"older version","state":"open",
             "created_at":"2024-01-05T00:00:00Z","updated_at":"2024-02-05T00:00:00Z"}""",
            """
            {"id":1005,"number":5,"title":"newer version","state":"closed",
             "created_at":"2024-01-05T00:00:00Z","updated_at":"2024-02-06T00:00:00Z"}""");

    private static final List<String> LEFT_TO_JAVA = List.of(
            """
            {"id":1006,"number":"6","title":"number as a string","state":"open",
             "created_at":"2024-01-06T00:00:00Z","updated_at":"2024-02-06T00:00:00Z"}""",
            """
            {"id":1007,"number":7,"title":"   ","state":"open",
             "created_at":"2024-01-07T00:00:00Z","updated_at":"2024-02-07T00:00:00Z"}""",
            """
            {"id":1008,"number":8,"title":"offset timestamp","state":"open",
             "created_at":"2024-01-08T00:00:00+02:00","updated_at":"2024-02-08T00:00:00Z"}""",
            """
            {"id":1009,"number":9,"title":"labels as an object","state":"open","labels":{"a":{"name":"x"}},
             "created_at":"2024-01-09T00:00:00Z","updated_at":"2024-02-09T00:00:00Z"}""",
            """
            {"id":1010,"number":10,"title":"pasted\\u0000log","state":"open",
             "created_at":"2024-01-10T00:00:00Z","updated_at":"2024-02-10T00:00:00Z"}""",
            """
            {"id":1011,"number":11,"state":"open",
             "created_at":"2024-01-11T00:00:00Z","updated_at":"2024-02-11T00:00:00Z"}""");

    private UUID store(List<String> objects) {
        UUID batch = UUID.randomUUID();
        List<NewRawRecord> records = new ArrayList<>();
        for (String json : objects) {
            JsonNode node = JsonColumns.MAPPER.readTree(json);
            String number = node.path("number").asString();
            records.add(NewRawRecord.of("acme/widgets#" + number, JsonColumns.write(node), Instant.now()));
        }
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration,
                "github_issues", "{}", records)));
        return batch;
    }

    private List<JsonNode> warehouse() {
        return jdbi.withHandle(h -> {
            h.execute("set time zone 'UTC'");
            return h.createQuery("select (to_jsonb(t) - 'loaded_at')::text from warehouse.github_issues t order by number")
                    .mapTo(String.class).list();
        }).stream().map(JsonColumns.MAPPER::readTree).toList();
    }

    @Test
    void mapsEveryWellFormedIssueExactlyAsTheJavaMappingDoes() {
        UUID batch = store(WELL_FORMED);
        List<RawRow> rows = jdbi.withHandle(h -> raw.batch(h, batch));
        LoadResult inJava = jdbi.inTransaction(h -> loader.load(h, rows));
        List<JsonNode> javaRows = warehouse();
        emptyWarehouseOnly();

        SqlLoad inSql = jdbi.inTransaction(h -> loader.loadInSql(h, batch));

        assertThat(warehouse()).isEqualTo(javaRows);
        assertThat(javaRows).hasSize(4);
        assertThat(inSql.handled()).containsExactlyInAnyOrderElementsOf(rows.stream().map(RawRow::id).toList());
        assertThat(inSql.result().counts(rows.size())).isEqualTo(inJava.counts(rows.size()));
    }

    @Test
    void leavesToTheJavaMappingWhatItCannotMapTheSameWay() {
        UUID batch = store(LEFT_TO_JAVA);

        SqlLoad inSql = jdbi.inTransaction(h -> loader.loadInSql(h, batch));

        assertThat(inSql.handled()).isEmpty();
        assertThat(warehouse()).isEmpty();
        List<RawRow> rest = jdbi.withHandle(h -> raw.batchExcept(h, batch, inSql.handled()));
        assertThat(rest).hasSize(LEFT_TO_JAVA.size());
        LoadResult inJava = jdbi.inTransaction(h -> loader.load(h, rest));
        assertThat(inJava.rejected()).extracting(LoadResult.Rejected::externalId)
                .containsExactlyInAnyOrder("acme/widgets#7", "acme/widgets#11");
        assertThat(warehouse()).extracting(r -> r.path("number").asInt()).containsExactly(6, 8, 9, 10);
        assertThat(warehouse()).filteredOn(r -> r.path("number").asInt() == 10).singleElement()
                .satisfies(r -> assertThat(r.path("title").asString()).isEqualTo("pastedlog"));
    }

    @Test
    void leavesToTheJavaMappingARawValueThatIsNotAnObject() {
        // An array around a well-formed issue: without its object the SQL mapping has no fields to read.
        String wrapped = "[" + WELL_FORMED.get(0) + "]";
        UUID batch = UUID.randomUUID();
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration,
                "github_issues", "{}", List.of(NewRawRecord.of("acme/widgets#1",
                        JsonColumns.write(JsonColumns.MAPPER.readTree(wrapped)), Instant.now())))));

        SqlLoad inSql = jdbi.inTransaction(h -> loader.loadInSql(h, batch));

        assertThat(inSql.handled()).isEmpty();
        assertThat(warehouse()).isEmpty();
        List<RawRow> rest = jdbi.withHandle(h -> raw.batchExcept(h, batch, inSql.handled()));
        LoadResult inJava = jdbi.inTransaction(h -> loader.load(h, rest));
        assertThat(inJava.rejected()).extracting(LoadResult.Rejected::externalId).containsExactly("acme/widgets#1");
        assertThat(warehouse()).isEmpty();
    }

    @Test
    void neverReplacesANewerVersionAlreadyLoaded() {
        UUID newer = store(List.of(WELL_FORMED.get(5)));
        jdbi.useTransaction(h -> loader.loadInSql(h, newer));
        UUID older = store(List.of(WELL_FORMED.get(4)));

        SqlLoad again = jdbi.inTransaction(h -> loader.loadInSql(h, older));

        assertThat(again.result().upserted()).isZero();
        assertThat(again.result().stale()).isEqualTo(1);
        assertThat(warehouse()).singleElement()
                .satisfies(r -> assertThat(r.path("title").asString()).isEqualTo("newer version"));
    }

    private void emptyWarehouseOnly() {
        jdbi.useHandle(h -> h.execute("delete from warehouse.github_issues"));
    }
}
