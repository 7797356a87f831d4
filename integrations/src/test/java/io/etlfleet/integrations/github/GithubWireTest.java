package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
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

/** Exact requests on the wire, checked with OkHttp's MockWebServer. */
class GithubWireTest {

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
    void sendsGithubsVersionedHeadersAndTheIncrementalQuery() throws Exception {
        server.enqueue(json("[]"));

        extract(server.url("/").toString(), Map.of("updated_at", "2024-01-01T00:01:00Z"));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer ghp_wire");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("etl-fleet");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/repos/acme/widgets/issues");
        assertThat(request.getUrl().encodedQuery())
                .isEqualTo("state=all&per_page=100&sort=updated&direction=asc&since=2024-01-01T00:00:00Z");
    }

    @Test
    void keepsTheEnterpriseServerPathAndFollowsTheNextLinkVerbatim() throws Exception {
        String next = server.url("/api/v3/repositories/42/pulls?state=all&per_page=100&page=2").toString();
        server.enqueue(json("[{\"number\":1,\"updated_at\":\"2024-02-01T00:00:00Z\"}]").newBuilder()
                .addHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"").build());
        server.enqueue(json("[{\"number\":2,\"updated_at\":\"2024-01-01T00:00:00Z\"}]"));

        RecordingSink sink = extract("github_pull_requests", server.url("/api/v3").toString(), Map.of());

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/api/v3/repos/acme/widgets/pulls");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().toString()).isEqualTo(next);
        assertThat(sink.externalIds()).containsExactly("acme/widgets#1", "acme/widgets#2");
        assertThat(sink.pages().get(0).checkpoint()).containsEntry("next_url", next)
                .containsEntry("max_updated_at", "2024-02-01T00:00:00Z");
        assertThat(sink.pages().get(1).request().pageCursor()).isEqualTo("2");
        assertThat(sink.committedCursor()).containsEntry("updated_at", "2024-02-01T00:00:00Z");
    }

    @Test
    void keepsEachItemsTextAsGithubSentItWithoutTheIndentation() {
        // Indented JSON: numbers and escapes stay as sent, not as a parser would write them again.
        server.enqueue(json("""
                [
                  {
                    "number": 1,
                    "updated_at": "2024-02-01T00:00:00Z",
                    "score": 0.30000000000000004441,
                    "title": "caf\\u00e9  \\/ two  spaces"
                  }
                ]
                """));

        RecordingSink sink = extract("github_pull_requests", server.url("/").toString(), Map.of());

        assertThat(sink.records()).singleElement().satisfies(record -> {
            assertThat(record.json()).isEqualTo("{\"number\":1,\"updated_at\":\"2024-02-01T00:00:00Z\","
                    + "\"score\":0.30000000000000004441,\"title\":\"caf\\u00e9  \\/ two  spaces\"}");
            assertThat(record.data().path("title").asString()).isEqualTo("café  / two  spaces");
        });
    }

    @Test
    void recordsETagAndRateLimitHeadersWithEachPage() {
        server.enqueue(json("[]").newBuilder().addHeader("ETag", "W/\"abc\"").addHeader("X-RateLimit-Remaining", "4990")
                .addHeader("X-RateLimit-Reset", "1700000000").build());

        RecordingSink sink = extract(server.url("/").toString(), Map.of());

        assertThat(sink.lastPage().request().etag()).isEqualTo("W/\"abc\"");
        assertThat(sink.lastPage().request().rateLimit())
                .containsEntry("x-ratelimit-remaining", "4990").containsEntry("x-ratelimit-reset", "1700000000");
        assertThat(sink.lastPage().request().endpoint()).doesNotContain("ghp_wire")
                .isEqualTo("/repos/acme/widgets/issues?state=all&per_page=100&sort=updated&direction=asc");
    }

    @Test
    void refusesToFollowANextLinkToAnotherHost() {
        server.enqueue(json("[]").newBuilder()
                .addHeader("Link", "<https://elsewhere.example/repos/acme/widgets/issues?page=2>; rel=\"next\"").build());

        assertThatThrownBy(() -> extract(server.url("/").toString(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isFalse());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private RecordingSink extract(String baseUrl, Map<String, String> cursor) {
        return extract("github_issues", baseUrl, cursor);
    }

    private RecordingSink extract(String entity, String baseUrl, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = GithubFixtures.connector(GithubFixtures.config(baseUrl, "acme/widgets"), "ghp_wire",
                RecordingSleeper.instant())) {
            connector.extract(new ExtractRequest(entity, "acme/widgets", SyncMode.INCREMENTAL, cursor, Map.of(),
                    Instant.now()), sink);
        }
        return sink;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body).build();
    }
}
