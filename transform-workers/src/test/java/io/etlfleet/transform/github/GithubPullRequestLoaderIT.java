package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubObjects.aGithubPullRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.LoadResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GithubPullRequestLoaderIT {

    private static final String TABLE = "github_pull_requests";
    private static final String ORDER = "repository, number";
    private static GithubWarehouse warehouse;
    private final GithubPullRequestLoader loader = new GithubPullRequestLoader();

    @BeforeAll
    static void createDatabase() {
        warehouse = new GithubWarehouse("github_pull_loader");
    }

    @AfterAll
    static void dropDatabase() {
        warehouse.close();
    }

    @BeforeEach
    void emptyWarehouse() {
        warehouse.reset(TABLE);
    }

    private List<RawRow> store(GithubObjects... pulls) {
        return warehouse.store("github_pull_requests", pull -> pull.path("base").path("repo").path("full_name").asString()
                + "#" + pull.path("number").asString(), pulls);
    }

    private List<JsonNode> warehouseRows() {
        return warehouse.rows(TABLE, ORDER);
    }

    @Test
    void loadsEveryColumnOfTheDocumentedPullRequest() {
        List<RawRow> rows = store(aGithubPullRequest());

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result).isEqualTo(new LoadResult(1, 0, 0, List.of()));
        assertThat(warehouseRows()).containsExactly(warehouse.expected("""
                {"tenant_id":"$tenant","integration_id":"$integration","repository":"octocat/Hello-World",
                 "number":1347,"github_id":1296269,"title":"Amazing new feature","state":"closed","draft":false,
                 "body":"Please pull these awesome changes in!","author_login":"octocat","base_ref":"master",
                 "head_ref":"new-topic","head_sha":"6dcb09b5b57875f334f61aebed695e2e4193db5e",
                 "head_repository":"octocat/Hello-World","merge_commit_sha":"e5bd3914e2e596debea16f433f57875b5b90bcd6",
                 "labels":["bug"],"assignees":["hubot"],"requested_reviewers":["other_user"],
                 "created_at":"2011-01-26T19:01:12+00:00","closed_at":"2011-01-26T19:14:43+00:00",
                 "merged_at":"2011-01-26T19:14:43+00:00","source_updated_at":"2011-01-26T19:14:43+00:00",
                 "raw_id":%d}""".formatted(rows.get(0).id())));
    }

    @Test
    void anOpenDraftFromADeletedForkHasNoMergeTimeAndNoHeadRepository() {
        warehouse.load(loader, store(aGithubPullRequest().number(7).with("state", "open").with("draft", true)
                .with("closed_at", null).with("merged_at", null).with("merge_commit_sha", null).with("head.repo", null)
                .with("labels", List.of()).with("requested_reviewers", List.of())));

        JsonNode row = warehouseRows().get(0);
        assertThat(row.path("number").asInt()).isEqualTo(7);
        assertThat(row.path("state").asString()).isEqualTo("open");
        assertThat(row.path("draft").asBoolean()).isTrue();
        assertThat(row.path("merged_at").isNull()).isTrue();
        assertThat(row.path("closed_at").isNull()).isTrue();
        assertThat(row.path("head_repository").isNull()).isTrue();
        assertThat(row.path("labels").isEmpty()).isTrue();
    }

    @Test
    void takesTheRepositoryFromTheApiUrlOfAnEnterpriseServer() {
        warehouse.load(loader, store(aGithubPullRequest().inRepository("platform/billing")
                .with("url", "https://ghe.acme.test/api/v3/repos/platform/billing/pulls/1347")));

        assertThat(warehouseRows()).extracting(r -> r.path("repository").asString()).containsExactly("platform/billing");
    }

    @Test
    void theNewestVersionWinsWhicheverArrivesFirst() {
        List<RawRow> older = store(aGithubPullRequest().with("title", "old title").with("updated_at", "2024-02-01T00:00:00Z"));
        List<RawRow> newer = store(aGithubPullRequest().with("title", "new title").with("updated_at", "2024-03-01T00:00:00Z"));

        LoadResult newerFirst = warehouse.load(loader, newer);
        LoadResult olderLater = warehouse.load(loader, older);

        assertThat(newerFirst.upserted()).isEqualTo(1);
        assertThat(olderLater).isEqualTo(new LoadResult(0, 1, 0, List.of()));
        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("title").asString()).isEqualTo("new title");
            assertThat(row.path("raw_id").asLong()).isEqualTo(newer.get(0).id());
        });
    }

    @Test
    void aNewerVersionReplacesAnOlderOne() {
        warehouse.load(loader, store(aGithubPullRequest().with("state", "open").with("merged_at", null)
                .with("updated_at", "2011-01-26T19:10:00Z")));

        List<RawRow> merged = store(aGithubPullRequest());
        LoadResult result = warehouse.load(loader, merged);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("state").asString()).isEqualTo("closed");
            assertThat(row.path("merged_at").asString()).isEqualTo("2011-01-26T19:14:43+00:00");
            assertThat(row.path("raw_id").asLong()).isEqualTo(merged.get(0).id());
        });
    }

    @Test
    void keepsTheNewestVersionWhenOnePageHoldsTheSamePullRequestTwice() {
        LoadResult result = warehouse.load(loader, store(
                aGithubPullRequest().with("title", "newest").with("updated_at", "2024-03-01T00:00:00.500Z"),
                aGithubPullRequest().with("title", "older").with("updated_at", "2024-03-01T00:00:00Z")));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(warehouseRows()).extracting(r -> r.path("title").asString()).containsExactly("newest");
    }

    @Test
    void replayingTheSameRowsChangesNothing() {
        List<RawRow> rows = store(aGithubPullRequest(), aGithubPullRequest().number(1348));
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
        List<RawRow> rows = store(aGithubPullRequest().number(1).without("created_at"),
                aGithubPullRequest().number(2),
                aGithubPullRequest().number(3).with("number", "three"));

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).extracting(LoadResult.Rejected::rawId)
                .containsExactly(rows.get(0).id(), rows.get(2).id());
        assertThat(result.rejected().get(0).reason()).isEqualTo("pull request has no 'created_at'");
        assertThat(result.rejected().get(1).reason()).contains("'number' is not an integer");
        assertThat(warehouseRows()).extracting(r -> r.path("number").asInt()).containsExactly(2);
    }
}
