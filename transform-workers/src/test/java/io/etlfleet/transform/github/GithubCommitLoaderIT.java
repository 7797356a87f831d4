package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubObjects.aGithubCommit;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.LoadResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GithubCommitLoaderIT {

    private static final String TABLE = "github_commits";
    private static final String ORDER = "repository, sha";
    private static final String SHA_A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String SHA_B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static GithubWarehouse warehouse;
    private final GithubCommitLoader loader = new GithubCommitLoader();

    @BeforeAll
    static void createDatabase() {
        warehouse = new GithubWarehouse("github_commit_loader");
    }

    @AfterAll
    static void dropDatabase() {
        warehouse.close();
    }

    @BeforeEach
    void emptyWarehouse() {
        warehouse.reset(TABLE);
    }

    private List<RawRow> store(GithubObjects... commits) {
        return warehouse.store("github_commits", commit -> commit.path("sha").asString(), commits);
    }

    private List<JsonNode> warehouseRows() {
        return warehouse.rows(TABLE, ORDER);
    }

    @Test
    void loadsEveryColumnOfTheDocumentedCommit() {
        List<RawRow> rows = store(aGithubCommit());

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result).isEqualTo(new LoadResult(1, 0, 0, List.of()));
        assertThat(warehouseRows()).containsExactly(warehouse.expected("""
                {"tenant_id":"$tenant","integration_id":"$integration","repository":"octocat/Hello-World",
                 "sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e","message":"Fix all the bugs",
                 "author_name":"Monalisa Octocat","author_email":"support@github.com",
                 "author_date":"2011-04-14T16:00:49+00:00","author_login":"octocat",
                 "committer_name":"Monalisa Octocat","committer_email":"support@github.com",
                 "committer_date":"2011-04-14T16:00:49+00:00","committer_login":"octocat",
                 "parent_shas":["553c2077f0edc3d5dc5d17262f6aa498e69d6f8e"],"verified":false,
                 "source_updated_at":"2011-04-14T16:00:49+00:00","raw_id":%d}""".formatted(rows.get(0).id())));
    }

    @Test
    void theSourceVersionIsTheCommitterDateNotTheAuthorDate() {
        warehouse.load(loader, store(aGithubCommit().with("commit.author.date", "2024-01-01T09:00:00Z")
                .with("commit.committer.date", "2024-01-03T12:30:00+02:00")));

        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("author_date").asString()).isEqualTo("2024-01-01T09:00:00+00:00");
            assertThat(row.path("committer_date").asString()).isEqualTo("2024-01-03T10:30:00+00:00");
            assertThat(row.path("source_updated_at").asString()).isEqualTo("2024-01-03T10:30:00+00:00");
        });
    }

    @Test
    void aCommitByAnEmailWithNoGithubAccountKeepsGitsAuthorAndNoLogin() {
        warehouse.load(loader, store(aGithubCommit().with("author", null).with("committer", null)));

        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("author_login").isNull()).isTrue();
            assertThat(row.path("committer_login").isNull()).isTrue();
            assertThat(row.path("author_name").asString()).isEqualTo("Monalisa Octocat");
        });
    }

    @Test
    void theSameShaInTwoRepositoriesIsTwoRows() {
        warehouse.load(loader, store(aGithubCommit(), aGithubCommit().inRepository("octocat/Hello-Fork")));

        assertThat(warehouseRows()).extracting(r -> r.path("repository").asString())
                .containsExactly("octocat/Hello-Fork", "octocat/Hello-World");
    }

    @Test
    void aLaterViewOfTheSameCommitReplacesTheRowAndAnEarlierOneNever() {
        List<RawRow> unverified = store(aGithubCommit());
        List<RawRow> verified = store(aGithubCommit().with("commit.verification.verified", true)
                .with("commit.verification.reason", "valid"));

        LoadResult later = warehouse.load(loader, verified);
        LoadResult earlier = warehouse.load(loader, unverified);

        assertThat(later.upserted()).isEqualTo(1);
        assertThat(earlier).isEqualTo(new LoadResult(0, 1, 0, List.of()));
        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("verified").asBoolean()).isTrue();
            assertThat(row.path("raw_id").asLong()).isEqualTo(verified.get(0).id());
        });
    }

    @Test
    void replayingTheSameRowsChangesNothing() {
        List<RawRow> rows = store(aGithubCommit().sha(SHA_A), aGithubCommit().sha(SHA_B));
        warehouse.load(loader, rows);
        List<JsonNode> before = warehouseRows();
        var loadedBefore = warehouse.loadedAt(TABLE, ORDER);

        LoadResult replay = warehouse.load(loader, rows);

        assertThat(replay).isEqualTo(new LoadResult(0, 2, 0, List.of()));
        assertThat(warehouseRows()).isEqualTo(before);
        assertThat(warehouse.loadedAt(TABLE, ORDER)).isEqualTo(loadedBefore);
    }

    @Test
    void aBadRecordIsRejectedAloneAndTheRestOfThePageLoads() {
        List<RawRow> rows = store(aGithubCommit().sha(SHA_A).with("commit.committer.date", "yesterday"),
                aGithubCommit().sha(SHA_B),
                aGithubCommit().sha("cccccccccccccccccccccccccccccccccccccccc").with("url", "https://api.github.com/commits"));

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).extracting(LoadResult.Rejected::reason).containsExactly(
                "'date' is not an ISO-8601 instant: yesterday",
                "'url' is not a repository API URL: https://api.github.com/commits");
        assertThat(warehouseRows()).extracting(r -> r.path("sha").asString()).containsExactly(SHA_B);
    }
}
