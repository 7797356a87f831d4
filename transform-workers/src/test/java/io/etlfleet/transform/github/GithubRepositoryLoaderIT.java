package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubObjects.aGithubRepository;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.LoadResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GithubRepositoryLoaderIT {

    private static final String TABLE = "github_repositories";
    private static final String ORDER = "github_id";
    private static GithubWarehouse warehouse;
    private final GithubRepositoryLoader loader = new GithubRepositoryLoader();

    @BeforeAll
    static void createDatabase() {
        warehouse = new GithubWarehouse("github_repository_loader");
    }

    @AfterAll
    static void dropDatabase() {
        warehouse.close();
    }

    @BeforeEach
    void emptyWarehouse() {
        warehouse.reset(TABLE);
    }

    private List<RawRow> store(GithubObjects... repositories) {
        return warehouse.store("github_repositories", repository -> repository.path("full_name").asString(), repositories);
    }

    private List<JsonNode> warehouseRows() {
        return warehouse.rows(TABLE, ORDER);
    }

    private static GithubObjects anotherRepository(long id, String name) {
        return aGithubRepository().with("id", id).inRepository("octocat/" + name).with("name", name);
    }

    @Test
    void loadsEveryColumnOfTheDocumentedRepository() {
        List<RawRow> rows = store(aGithubRepository());

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result).isEqualTo(new LoadResult(1, 0, 0, List.of()));
        assertThat(warehouseRows()).containsExactly(warehouse.expected("""
                {"tenant_id":"$tenant","integration_id":"$integration","github_id":1296269,
                 "full_name":"octocat/Hello-World","owner_login":"octocat","name":"Hello-World","private":false,
                 "visibility":"public","description":"This your first repo!","fork":false,"archived":false,
                 "default_branch":"master","language":null,"topics":["octocat","atom","electron","api"],
                 "stargazers_count":80,"forks_count":9,"open_issues_count":0,
                 "created_at":"2011-01-26T19:01:12+00:00","pushed_at":"2011-01-26T19:06:43+00:00",
                 "source_updated_at":"2011-01-26T19:14:43+00:00","raw_id":%d}""".formatted(rows.get(0).id())));
    }

    @Test
    void aRenamedRepositoryUpdatesItsRowInsteadOfAddingOne() {
        warehouse.load(loader, store(aGithubRepository()));

        warehouse.load(loader, store(aGithubRepository().inRepository("octocat/Hello-Universe")
                .with("name", "Hello-Universe").with("updated_at", "2024-05-01T00:00:00Z")));

        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("github_id").asLong()).isEqualTo(1296269L);
            assertThat(row.path("full_name").asString()).isEqualTo("octocat/Hello-Universe");
            assertThat(row.path("name").asString()).isEqualTo("Hello-Universe");
        });
    }

    @Test
    void aChangeWithinTheSameUpdatedAtWinsByRawIdAndAnOlderVersionNeverOverwrites() {
        List<RawRow> older = store(aGithubRepository().with("updated_at", "2010-12-31T00:00:00Z").with("private", true));
        List<RawRow> current = store(aGithubRepository());
        List<RawRow> starred = store(aGithubRepository().with("stargazers_count", 81));

        warehouse.load(loader, current);
        LoadResult sameTimeLaterRow = warehouse.load(loader, starred);
        LoadResult olderVersion = warehouse.load(loader, older);

        assertThat(sameTimeLaterRow.upserted()).isEqualTo(1);
        assertThat(olderVersion).isEqualTo(new LoadResult(0, 1, 0, List.of()));
        assertThat(warehouseRows()).singleElement().satisfies(row -> {
            assertThat(row.path("stargazers_count").asInt()).isEqualTo(81);
            assertThat(row.path("private").asBoolean()).isFalse();
            assertThat(row.path("raw_id").asLong()).isEqualTo(starred.get(0).id());
        });
    }

    @Test
    void replayingTheSameRowsChangesNothing() {
        List<RawRow> rows = store(aGithubRepository(), anotherRepository(42, "Spoon-Knife"));
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
        List<RawRow> rows = store(anotherRepository(50, "no-private-flag").without("private"),
                anotherRepository(51, "fine"),
                anotherRepository(52, "private-as-text").with("private", "no"));

        LoadResult result = warehouse.load(loader, rows);

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).extracting(LoadResult.Rejected::reason).containsExactly(
                "repository has no 'private'", "repository's 'private' is not a boolean: \"no\"");
        assertThat(warehouseRows()).extracting(r -> r.path("full_name").asString()).containsExactly("octocat/fine");
    }
}
