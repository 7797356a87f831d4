package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubObjects.aGithubIssueComment;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.LoadResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GithubIssueCommentLoaderIT {

    private static final String TABLE = "github_issue_comments";
    private static final String ORDER = "comment_id";
    private static GithubWarehouse warehouse;
    private final GithubIssueCommentLoader loader = new GithubIssueCommentLoader();

    @BeforeAll
    static void createDatabase() {
        warehouse = new GithubWarehouse("github_comment_loader");
    }

    @AfterAll
    static void dropDatabase() {
        warehouse.close();
    }

    @BeforeEach
    void emptyWarehouse() {
        warehouse.reset(TABLE);
    }

    private List<RawRow> store(GithubObjects... comments) {
        return warehouse.store("github_issue_comments", comment -> comment.path("id").asString(), comments);
    }

    private List<JsonNode> warehouseRows() {
        return warehouse.rows(TABLE, ORDER);
    }

    @Test
    void loadsEveryColumnOfTheDocumentedComment() {
        List<RawRow> rows = store(aGithubIssueComment());

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result).isEqualTo(new LoadResult(1, 0, 0, List.of()));
        assertThat(warehouseRows()).containsExactly(warehouse.expected("""
                {"tenant_id":"$tenant","integration_id":"$integration","comment_id":1,
                 "repository":"octocat/Hello-World","issue_number":1347,"author_login":"octocat",
                 "author_association":"COLLABORATOR","body":"Me too","created_at":"2011-04-14T16:00:49+00:00",
                 "source_updated_at":"2011-04-14T16:00:49+00:00","raw_id":%d}""".formatted(rows.get(0).id())));
    }

    @Test
    void takesRepositoryAndIssueNumberFromTheIssueUrl() {
        warehouse.load(loader, store(aGithubIssueComment().with("id", 2).inRepository("platform/billing").number(12),
                aGithubIssueComment().with("id", 3).with("issue_url",
                        "https://ghe.acme.test/api/v3/repos/platform/ledger/issues/7")));

        assertThat(warehouseRows()).extracting(r -> r.path("repository").asString() + "#" + r.path("issue_number").asInt())
                .containsExactly("platform/billing#12", "platform/ledger#7");
    }

    @Test
    void anEditedCommentReplacesTheOlderTextAndTheOlderTextNeverComesBack() {
        List<RawRow> original = store(aGithubIssueComment());
        List<RawRow> edited = store(aGithubIssueComment().with("body", "Me too, on 2.1 as well")
                .with("updated_at", "2011-04-15T08:00:00Z"));

        warehouse.load(loader, original);
        LoadResult edit = warehouse.load(loader, edited);
        LoadResult replayOfOriginal = warehouse.load(loader, original);

        assertThat(edit.upserted()).isEqualTo(1);
        assertThat(replayOfOriginal).isEqualTo(new LoadResult(0, 1, 0, List.of()));
        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("body").asString()).isEqualTo("Me too, on 2.1 as well");
            assertThat(row.path("source_updated_at").asString()).isEqualTo("2011-04-15T08:00:00+00:00");
            assertThat(row.path("raw_id").asLong()).isEqualTo(edited.get(0).id());
        });
    }

    @Test
    void aCommentByADeletedUserHasNoAuthor() {
        warehouse.load(loader, store(aGithubIssueComment().with("user", null)));

        assertThat(warehouseRows()).singleElement().satisfies(row -> assertThat(row.path("author_login").isNull()).isTrue());
    }

    @Test
    void replayingTheSameRowsChangesNothing() {
        List<RawRow> rows = store(aGithubIssueComment(), aGithubIssueComment().with("id", 2));
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
        List<RawRow> rows = store(aGithubIssueComment().with("id", 10).without("issue_url"),
                aGithubIssueComment().with("id", 11),
                aGithubIssueComment().with("id", 12).with("issue_url",
                        "https://api.github.com/repos/octocat/Hello-World/pulls/1347"));

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).extracting(LoadResult.Rejected::reason).containsExactly(
                "issue comment has no 'issue_url'",
                "'issue_url' does not name an issue: https://api.github.com/repos/octocat/Hello-World/pulls/1347");
        assertThat(warehouseRows()).extracting(r -> r.path("comment_id").asLong()).containsExactly(11L);
    }
}
