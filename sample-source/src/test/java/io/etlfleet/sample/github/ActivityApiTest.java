package io.etlfleet.sample.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pull requests, commits, issue comments and owner repository lists as GitHub serves them. */
class ActivityApiTest {

    private static final String TOKEN = "Bearer " + SampleSourceOptions.DEFAULT_TOKEN;
    private SampleSource source;

    @BeforeEach
    void start() {
        source = SampleSource.start(SampleSourceOptions.builder().githubRepositories(List.of("acme/widgets"))
                .issuesPerRepository(40).everyNthIsPullRequest(2).commitsPerRepository(130).commentsPerRepository(45)
                .build());
    }

    @AfterEach
    void stop() {
        source.close();
    }

    @Test
    void listsPullRequestsOnlyInThePullsSchemaSortedAsAskedWithLinks() {
        HttpResponse<String> response = get("/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=7");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode pulls = SampleHttp.json(response);
        assertThat(pulls).hasSize(7);
        assertThat(pulls.get(0).has("head")).isTrue();
        assertThat(pulls.get(0).has("merged_at")).isTrue();
        assertThat(pulls.get(0).get("number").asInt() % 2).isZero();
        assertThat(Instant.parse(pulls.get(0).get("updated_at").asString()))
                .isAfterOrEqualTo(Instant.parse(pulls.get(6).get("updated_at").asString()));
        assertThat(response.headers().firstValue("link").orElseThrow())
                .contains("page=2>; rel=\"next\"").contains("page=3>; rel=\"last\"");
        assertThat(SampleHttp.json(get("/repos/acme/widgets/pulls?state=all&per_page=100"))).hasSize(20);
    }

    @Test
    void refusesAnUnknownPullRequestSortWithValidationFailed() {
        HttpResponse<String> response = get("/repos/acme/widgets/pulls?sort=newest");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(SampleHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    @Test
    void listsCommitsNewestFirstSinceAnInclusiveTimeCappedAtAHundredPerPage() {
        JsonNode all = SampleHttp.json(get("/repos/acme/widgets/commits?per_page=500"));
        assertThat(all).hasSize(100);
        String newest = all.get(0).get("commit").get("committer").get("date").asString();
        String tenth = all.get(9).get("commit").get("committer").get("date").asString();

        JsonNode since = SampleHttp.json(get("/repos/acme/widgets/commits?since=" + tenth + "&per_page=100"));

        assertThat(since).hasSize(10);
        assertThat(since.get(0).get("commit").get("committer").get("date").asString()).isEqualTo(newest);
        assertThat(since.get(0).get("sha").asString()).hasSize(40);
        assertThat(get("/repos/acme/widgets/commits?since=yesterday").statusCode()).isEqualTo(422);
    }

    @Test
    void answersTheCommitsOfAnEmptyRepositoryWithConflict() {
        source.github().addRepository("acme/empty");

        HttpResponse<String> response = get("/repos/acme/empty/commits");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(SampleHttp.json(response).get("message").asString()).isEqualTo("Git Repository is empty.");
    }

    @Test
    void listsCommentsByUpdateTimeInEitherDirectionSinceATime() {
        long edited = source.github().comments("acme/widgets").get(3).id();
        source.github().updateComment("acme/widgets", edited, "edited");

        JsonNode ascending = SampleHttp.json(get("/repos/acme/widgets/issues/comments?sort=updated&direction=asc&per_page=100"));
        JsonNode descending = SampleHttp.json(get("/repos/acme/widgets/issues/comments?sort=updated&direction=desc&per_page=1"));
        String editedAt = ascending.get(44).get("updated_at").asString();
        JsonNode since = SampleHttp.json(get("/repos/acme/widgets/issues/comments?since=" + editedAt));

        assertThat(ascending).hasSize(45);
        assertThat(ascending.get(44).get("id").asLong()).isEqualTo(edited);
        assertThat(descending.get(0).get("id").asLong()).isEqualTo(edited);
        assertThat(since).hasSize(1);
        assertThat(since.get(0).get("issue_url").asString()).contains("/repos/acme/widgets/issues/");
    }

    @Test
    void listsAnOrganizationsRepositoriesAndAnswersAnUnknownOneWithNotFound() {
        source.github().generateRepositories("bigorg", 5);
        source.github().updateRepository("bigorg/repo-0003");

        JsonNode byUpdate = SampleHttp.json(get("/orgs/bigorg/repos?sort=updated&direction=desc&per_page=2"));
        List<String> names = new ArrayList<>();
        SampleHttp.json(get("/users/bigorg/repos?sort=full_name")).forEach(r -> names.add(r.get("full_name").asString()));

        assertThat(byUpdate.get(0).get("full_name").asString()).isEqualTo("bigorg/repo-0003");
        assertThat(names).hasSize(5).isSorted();
        assertThat(get("/orgs/bigorg").statusCode()).isEqualTo(200);
        HttpResponse<String> missing = get("/orgs/nobody/repos");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(SampleHttp.json(missing).has("documentation_url")).isTrue();
    }

    @Test
    void answersAnUnchangedListWithNotModifiedWithoutCountingIt() {
        HttpResponse<String> first = get("/repos/acme/widgets/pulls?state=all");
        String etag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = SampleHttp.get(url("/repos/acme/widgets/pulls?state=all"), TOKEN, etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("x-ratelimit-used")).isEqualTo(first.headers().firstValue("x-ratelimit-used"));
    }

    private HttpResponse<String> get(String path) {
        return SampleHttp.get(url(path), TOKEN);
    }

    private String url(String path) {
        return source.githubBaseUrl() + path;
    }
}
