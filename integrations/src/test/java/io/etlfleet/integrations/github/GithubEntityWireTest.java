package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The exact request of every GitHub entity, checked with OkHttp's MockWebServer. */
class GithubEntityWireTest {

    private static final Map<String, String> CURSOR = Map.of("updated_at", "2024-03-01T00:10:00Z");

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksForPullRequestsNewestUpdatedFirstAndStopsAtTheCursorMinusTheOverlap() throws Exception {
        String next = server.url("/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100&page=2")
                .toString();
        server.enqueue(json("""
                [{"number":9,"updated_at":"2024-03-01T00:20:00Z"},{"number":8,"updated_at":"2024-03-01T00:09:30Z"},
                 {"number":7,"updated_at":"2024-03-01T00:08:59Z"}]""").newBuilder()
                .addHeader("Link", "<" + next + ">; rel=\"next\"").build());

        RecordingSink sink = extract(repositoryConfig(), "github_pull_requests", "acme/widgets", CURSOR);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/repos/acme/widgets/pulls");
        assertThat(request.getUrl().encodedQuery()).isEqualTo("state=all&sort=updated&direction=desc&per_page=100");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sink.externalIds()).containsExactly("acme/widgets#9", "acme/widgets#8");
        assertThat(sink.lastPage().last()).isTrue();
        assertThat(sink.committedCursor()).containsEntry("updated_at", "2024-03-01T00:20:00Z");
    }

    @Test
    void asksForCommitsSinceTheCursorMinusTheOverlapAndKeysThemBySha() throws Exception {
        server.enqueue(json("""
                [{"sha":"aaa","commit":{"committer":{"date":"2024-03-01T00:30:00Z"},"author":{"date":"2024-02-01T00:00:00Z"}}}]"""));

        RecordingSink sink = extract(repositoryConfig(), "github_commits", "acme/widgets",
                Map.of("committed_at", "2024-03-01T00:10:00Z"));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/repos/acme/widgets/commits");
        assertThat(request.getUrl().encodedQuery()).isEqualTo("since=2024-03-01T00:09:00Z&per_page=100");
        assertThat(sink.externalIds()).containsExactly("aaa");
        assertThat(sink.committedCursor()).containsEntry("committed_at", "2024-03-01T00:30:00Z");
    }

    @Test
    void asksForIssueCommentsOldestUpdatedFirstSinceTheCursorAndKeysThemById() throws Exception {
        server.enqueue(json("[{\"id\":1500000001,\"updated_at\":\"2024-03-01T00:11:00Z\"}]"));

        RecordingSink sink = extract(repositoryConfig(), "github_issue_comments", "acme/widgets", CURSOR);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/repos/acme/widgets/issues/comments");
        assertThat(request.getUrl().encodedQuery())
                .isEqualTo("since=2024-03-01T00:09:00Z&sort=updated&direction=asc&per_page=100");
        assertThat(sink.externalIds()).containsExactly("1500000001");
    }

    @Test
    void readsAConfiguredRepositoryWithItsOwnRequestAndKeysItByFullName() throws Exception {
        server.enqueue(json("{\"full_name\":\"acme/widgets\",\"updated_at\":\"2024-03-01T00:00:00Z\"}"));

        RecordingSink sink = extract(repositoryConfig(), "github_repositories", "acme/widgets", Map.of());

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/repos/acme/widgets");
        assertThat(sink.externalIds()).containsExactly("acme/widgets");
        assertThat(sink.records().get(0).data().get("full_name").asString()).isEqualTo("acme/widgets");
    }

    @Test
    void listsTheRepositoriesOfAnOrganizationAndOfAUser() throws Exception {
        server.enqueue(json("[{\"full_name\":\"acme/a\",\"updated_at\":\"2024-03-01T00:00:00Z\"}]"));
        server.enqueue(json("[{\"full_name\":\"octo/b\",\"updated_at\":\"2024-03-01T00:00:00Z\"}]"));
        ObjectNode organization = GithubFixtures.JSON.createObjectNode().put("base_url", server.url("/").toString())
                .put("organization", "acme");
        ObjectNode user = GithubFixtures.JSON.createObjectNode().put("base_url", server.url("/").toString())
                .put("user", "octo");

        RecordingSink org = extract(organization, "github_repositories", "acme", Map.of());
        RecordingSink own = extract(user, "github_repositories", "octo", Map.of());

        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getUrl().encodedPath()).isEqualTo("/orgs/acme/repos");
        assertThat(first.getUrl().encodedQuery()).isEqualTo("type=all&sort=updated&direction=desc&per_page=100");
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(second.getUrl().encodedPath()).isEqualTo("/users/octo/repos");
        assertThat(second.getUrl().encodedQuery()).isEqualTo("type=owner&sort=updated&direction=desc&per_page=100");
        assertThat(org.externalIds()).containsExactly("acme/a");
        assertThat(own.externalIds()).containsExactly("octo/b");
    }

    @Test
    void anOwnersOtherEntitiesRunOverEveryRepositoryItHasOldestFirst() throws Exception {
        server.enqueue(json("[{\"full_name\":\"acme/a\"},{\"full_name\":\"acme/b\"}]"));
        ObjectNode organization = GithubFixtures.JSON.createObjectNode().put("base_url", server.url("/").toString())
                .put("organization", "acme");

        try (Connector connector = GithubFixtures.connector(organization, "ghp_wire", RecordingSleeper.instant())) {
            assertThat(connector.scopes("github_commits")).containsExactly("acme/a", "acme/b");
            assertThat(connector.scopes("github_repositories")).containsExactly("acme");
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedQuery())
                .isEqualTo("type=all&sort=created&direction=asc&per_page=100");
    }

    @Test
    void theConnectionTestCallsATokenWithoutAccessBadCredentialsAndAWebPageASourceError() {
        server.enqueue(new MockResponse.Builder().code(403).body("{\"message\":\"Resource not accessible by integration\"}")
                .build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>GitHub</html>").build());

        try (Connector connector = GithubFixtures.connector(repositoryConfig(), "ghp_wire", RecordingSleeper.instant())) {
            assertThat(connector.testConnection()).satisfies(check -> {
                assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.BAD_CREDENTIALS);
                assertThat(check.message()).isEqualTo("the token lacks access to repository acme/widgets"
                        + " (GitHub: Resource not accessible by integration)");
            });
            assertThat(connector.testConnection()).satisfies(check -> {
                assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.SOURCE_ERROR);
                assertThat(check.message()).contains("did not answer like the GitHub REST API").contains("/api/v3");
            });
        }
    }

    private ObjectNode repositoryConfig() {
        return GithubFixtures.config(server.url("/").toString(), "acme/widgets");
    }

    private static RecordingSink extract(ObjectNode config, String entity, String scope, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = GithubFixtures.connector(config, "ghp_wire", RecordingSleeper.instant())) {
            connector.extract(new ExtractRequest(entity, scope, SyncMode.INCREMENTAL, cursor, Map.of(), Instant.now()), sink);
        }
        return sink;
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }
}
