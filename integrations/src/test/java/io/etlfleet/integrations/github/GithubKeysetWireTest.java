package io.etlfleet.integrations.github;

import static io.etlfleet.integrations.github.GithubEntityWireTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keyset listings' requests on the wire: each page asked since the last change read. */
class GithubKeysetWireTest {

    private static final String ISSUES = "/repos/acme/widgets/issues?state=all&per_page=100&sort=updated&direction=asc";

    private final MockWebServer server = new MockWebServer();
    private final ConnectorServices services = ConnectorServices.local();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSecondWithMoreThanAPageOfChangesIsReadThroughByItsNextLinks() throws Exception {
        String sameSecond = items(1, 100, "2024-02-01T00:00:00Z");
        server.enqueue(withNext(json(sameSecond), ISSUES + "&page=2"));
        // Asked since a second before, the server answers the same hundred and links on within that second.
        String withinSecond = ISSUES + "&since=2024-01-31T23:59:59Z";
        server.enqueue(withNext(json(sameSecond), withinSecond + "&page=2"));
        server.enqueue(json(items(101, 5, "2024-02-01T00:00:01Z")));

        RecordingSink sink = extract(SyncMode.FULL, Map.of());

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().toString()).isEqualTo(server.url(ISSUES).toString());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().toString()).isEqualTo(server.url(withinSecond).toString());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().toString())
                .isEqualTo(server.url(withinSecond + "&page=2").toString());
        assertThat(sink.externalIds()).hasSize(105).doesNotHaveDuplicates();
        assertThat(sink.pages().get(1).records()).isEmpty();
        assertThat(sink.committedCursor()).containsEntry("updated_at", "2024-02-01T00:00:01Z");
    }

    @Test
    void anItemChangedSinceItWasReadIsReadAgainAtItsNewVersion() throws Exception {
        server.enqueue(withNext(json(items(1, 100, "2024-02-01T00:00:00Z")), ISSUES + "&page=2"));
        // Issue 7 was edited meanwhile: it comes again, later.
        server.enqueue(json("[{\"number\":100,\"updated_at\":\"2024-02-01T00:00:00Z\"},"
                + "{\"number\":7,\"updated_at\":\"2024-02-01T00:05:00Z\"}]"));

        RecordingSink sink = extract(SyncMode.FULL, Map.of());

        assertThat(sink.externalIds()).hasSize(101).endsWith("acme/widgets#7");
        assertThat(sink.records().get(100).updatedAt()).isEqualTo(Instant.parse("2024-02-01T00:05:00Z"));
    }

    @Test
    void anUnchangedIncrementalPageAnswered304EndsTheRun() throws Exception {
        String since = ISSUES + "&since=2024-01-31T23:59:00Z";
        server.enqueue(json(items(1, 3, "2024-02-01T00:00:00Z")).newBuilder().addHeader("ETag", "W/\"k1\"").build());
        server.enqueue(new MockResponse.Builder().code(304).addHeader("ETag", "W/\"k1\"").build());

        RecordingSink first = extract(SyncMode.INCREMENTAL, Map.of("updated_at", "2024-02-01T00:00:00Z"));
        RecordingSink again = extract(SyncMode.INCREMENTAL, Map.of("updated_at", "2024-02-01T00:00:00Z"));

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().toString()).isEqualTo(server.url(since).toString());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isEqualTo("W/\"k1\"");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(first.records()).hasSize(3);
        assertThat(again.records()).isEmpty();
        assertThat(again.lastPage().counts()).containsEntry(Page.NOT_MODIFIED, 1L);
        assertThat(again.committedCursor()).isEqualTo(first.committedCursor());
    }

    @Test
    void aRefusedPageWhoseLinkingPageStillLinksOnFailsNamingTheLimit() {
        String pulls = "/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100";
        server.enqueue(withNext(json(items(1, 100, "2024-02-01T00:00:00Z")), pulls + "&page=2"));
        server.enqueue(new MockResponse.Builder().code(422).addHeader("Content-Type", "application/json")
                .body("{\"message\":\"In order to keep the API fast for everyone, pagination is limited for this resource.\","
                        + "\"documentation_url\":\"https://docs.github.com/v3/#pagination\",\"status\":\"422\"}").build());
        server.enqueue(withNext(json(items(1, 100, "2024-02-01T00:00:00Z")), pulls + "&page=2"));

        assertThatThrownBy(() -> extract("github_pull_requests", SyncMode.FULL, Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("github_pull_requests").contains("past page 1")
                            .contains("pagination is limited");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private MockResponse withNext(MockResponse response, String next) {
        return response.newBuilder().addHeader("Link", "<" + server.url(next) + ">; rel=\"next\"").build();
    }

    private static String items(int firstNumber, int count, String updatedAt) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i > 0 ? "," : "").append("{\"number\":").append(firstNumber + i)
                    .append(",\"updated_at\":\"").append(updatedAt).append("\"}");
        }
        return json.append(']').toString();
    }

    private RecordingSink extract(SyncMode mode, Map<String, String> cursor) {
        return extract("github_issues", mode, cursor);
    }

    private RecordingSink extract(String entity, SyncMode mode, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = GithubFixtures.connector(GithubFixtures.config(server.url("/").toString(),
                "acme/widgets"), "ghp_wire", RecordingSleeper.instant(), services)) {
            connector.extract(new ExtractRequest(entity, "acme/widgets", mode, cursor, Map.of(), Instant.now()), sink);
        }
        return sink;
    }
}
