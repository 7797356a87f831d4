package io.etlfleet.transform.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Storage;
import io.etlfleet.storage.raw.NewRawRecord;
import io.etlfleet.storage.raw.RawBatch;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.transform.loading.LoadResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class GithubIssueLoaderIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static UUID tenant;
    private static UUID integration;
    private final RawStore raw = new RawStore(jdbi);
    private final GithubIssueLoader loader = new GithubIssueLoader();

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("issue_loader");
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
        jdbi.useHandle(h -> h.execute("delete from warehouse.github_issues"));
    }

    private static String anIssue(int number, String title, String updatedAt) {
        return """
                {"id":%d,"number":%d,"title":"%s","state":"open","body":"b","user":{"login":"octo"},
                 "labels":[{"name":"bug"}],"assignees":[{"login":"hubot"}],"comments":2,
                 "created_at":"2024-01-01T00:00:00Z","updated_at":"%s","closed_at":null}"""
                .formatted(1000 + number, number, title, updatedAt);
    }

    private List<RawRow> store(String... issuesJson) {
        UUID batch = UUID.randomUUID();
        List<NewRawRecord> records = java.util.Arrays.stream(issuesJson)
                .map(json -> NewRawRecord.of("acme/widgets#" + json.replaceAll("(?s).*\"number\":(\\d+).*", "$1"), json,
                        Instant.now()))
                .toList();
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration, "github_issues",
                "{}", records)));
        return jdbi.withHandle(h -> raw.batch(h, batch));
    }

    private LoadResult load(List<RawRow> rows) {
        return jdbi.inTransaction(h -> loader.load(h, rows));
    }

    private Map<String, Object> row(int number) {
        return jdbi.withHandle(h -> h.createQuery(
                "select title, state, labels::text as labels, author_login, raw_id from warehouse.github_issues where number = :n")
                .bind("n", number).mapToMap().one());
    }

    @Test
    void loadsIssuesAndSkipsPullRequests() {
        String pull = anIssue(3, "a pull request", "2024-02-01T00:00:00Z")
                .replace("\"comments\":2", "\"comments\":2,\"pull_request\":{\"url\":\"u\"}");
        LoadResult result = load(store(anIssue(1, "one", "2024-02-01T00:00:00Z"), anIssue(2, "two", "2024-02-01T00:00:00Z"), pull));

        assertThat(result.upserted()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(row(1)).containsEntry("title", "one").containsEntry("labels", "{bug}").containsEntry("author_login", "octo");
        long count = jdbi.withHandle(h -> h.createQuery("select count(*) from warehouse.github_issues").mapTo(Long.class).one());
        assertThat(count).isEqualTo(2);
    }

    @Test
    void loadingTheSameRowsAgainChangesNothing() {
        List<RawRow> rows = store(anIssue(5, "five", "2024-02-01T00:00:00Z"));
        load(rows);
        Map<String, Object> before = row(5);

        LoadResult again = load(rows);

        assertThat(again.upserted()).isZero();
        assertThat(again.stale()).isEqualTo(1);
        assertThat(row(5)).isEqualTo(before);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        List<RawRow> older = store(anIssue(7, "old title", "2024-02-01T00:00:00Z"));
        List<RawRow> newer = store(anIssue(7, "new title", "2024-03-01T00:00:00Z"));

        load(newer);
        LoadResult replayOfOlder = load(older);

        assertThat(replayOfOlder.upserted()).isZero();
        assertThat(row(7)).containsEntry("title", "new title");
    }

    @Test
    void keepsTheNewestVersionWhenABatchHoldsTheSameIssueTwice() {
        List<RawRow> rows = store(anIssue(8, "newest", "2024-03-01T00:00:00.500Z"), anIssue(8, "older", "2024-03-01T00:00:00Z"));

        LoadResult result = load(rows);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(row(8)).containsEntry("title", "newest");
    }

    @Test
    void aMalformedRecordIsRejectedAndTheRestOfTheBatchLoads() {
        String broken = anIssue(9, "broken", "2024-02-01T00:00:00Z").replace("\"created_at\":\"2024-01-01T00:00:00Z\",", "");
        LoadResult result = load(store(broken, anIssue(10, "fine", "2024-02-01T00:00:00Z")));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("created_at"));
        assertThat(row(10)).containsEntry("title", "fine");
    }
}
