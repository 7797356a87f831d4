package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact requests on the wire, checked with OkHttp's MockWebServer. */
class JiraWireTest {

    private static final String ISSUE = """
            {"id":"10001","key":"WID-1","fields":{"summary":"s","updated":"2024-01-01T12:00:00.000+0200"},
             "changelog":{"startAt":0,"maxResults":0,"total":0,"histories":[]}}""";
    private static final Instant RUN_START = Instant.parse("2024-01-02T00:00:00Z");
    private static final long RUN_START_MS = RUN_START.toEpochMilli();
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
    void cloudSendsBasicEmailAndApiTokenAndAnEpochMillisecondJqlWithTheOverlap() throws Exception {
        server.enqueue(json("{\"issues\":[" + ISSUE + "],\"isLast\":true}"));

        RecordingSink sink = extract("cloud", "/", Map.of("updated_ms", "1704103200000"), Map.of());

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        String basic = Base64.getEncoder().encodeToString((JiraFixtures.EMAIL + ":secret-1").getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + basic);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/rest/api/3/search/jql");
        assertThat(request.getUrl().queryParameter("jql"))
                .isEqualTo("project = \"WID\" AND updated >= 1704103140000 AND updated <= " + RUN_START_MS
                        + " ORDER BY updated ASC, key ASC");
        assertThat(request.getUrl().queryParameter("nextPageToken")).isNull();
        assertThat(request.getUrl().queryParameter("maxResults")).isEqualTo("50");
        assertThat(request.getUrl().queryParameter("fields")).isEqualTo("*all");
        assertThat(request.getUrl().queryParameter("expand")).isEqualTo("changelog");
        assertThat(sink.committedCursor()).containsEntry("updated_ms", "1704103200000");
        assertThat(sink.lastPage().request().endpoint()).doesNotContain("secret-1");
    }

    @Test
    void readsTheUpdatedTimestampWithItsOffsetIntoTheCursor() {
        server.enqueue(json("{\"issues\":[" + ISSUE + "],\"isLast\":true}"));

        RecordingSink sink = extract("cloud", "/", Map.of(), Map.of());

        assertThat(sink.records().get(0).updatedAt()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(sink.committedCursor()).containsEntry("updated_ms", "1704103200000");
    }

    @Test
    void dataCenterSendsTheBearerTokenBelowTheContextPathAndStartsEachQueryAtZero() throws Exception {
        server.enqueue(json("{\"startAt\":0,\"maxResults\":50,\"total\":1,\"issues\":[" + ISSUE + "]}"));

        RecordingSink sink = extract("datacenter", "/jira", Map.of(), Map.of());

        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer secret-1");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/jira/rest/api/2/search");
        assertThat(first.getUrl().queryParameter("jql"))
                .isEqualTo("project = \"WID\" AND updated <= " + RUN_START_MS + " ORDER BY updated ASC, key ASC");
        assertThat(first.getUrl().queryParameter("startAt")).isEqualTo("0");
        assertThat(server.getRequestCount()).as("total reached: no request for an empty page").isEqualTo(1);
        assertThat(sink.externalIds()).containsExactly("WID-1");
        assertThat(sink.lastPage().last()).isTrue();
    }

    @Test
    void pagesACloudChangelogToItsTotalWhenJiraLeavesOutIsLast() throws Exception {
        String truncated = ISSUE.replace("\"maxResults\":0,\"total\":0,\"histories\":[]",
                "\"maxResults\":1,\"total\":3,\"histories\":[" + history(1) + "]");
        server.enqueue(json("{\"issues\":[" + truncated + "],\"isLast\":true}"));
        server.enqueue(json("{\"startAt\":0,\"maxResults\":2,\"total\":3,\"values\":[" + history(1) + "," + history(2) + "]}"));
        server.enqueue(json("{\"startAt\":2,\"maxResults\":2,\"total\":3,\"values\":[" + history(3) + "]}"));

        RecordingSink sink = extract("cloud", "/", Map.of(), Map.of());

        take();
        assertThat(take().getUrl().queryParameter("startAt")).isEqualTo("0");
        assertThat(take().getUrl().queryParameter("startAt")).isEqualTo("2");
        assertThat(sink.records().get(0).data().path("changelog").path("histories")).hasSize(3);
    }

    @Test
    void aRejectedTokenIsPermanentAndItsMessageCarriesJirasWordsButNoCredentials() {
        server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                .body("{\"errorMessages\":[\"You are not authenticated.\"],\"errors\":{}}").build());

        assertThatThrownBy(() -> extract("datacenter", "/", Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("You are not authenticated.").doesNotContain("secret-1");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static String history(int id) {
        return "{\"id\":\"" + id + "\",\"created\":\"2024-01-01T10:00:00.000+0000\",\"items\":[{\"field\":\"status\","
                + "\"fromString\":\"To Do\",\"toString\":\"Done\"}]}";
    }

    private RecordedRequest take() {
        try {
            return server.takeRequest(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RecordingSink extract(String deployment, String path, Map<String, String> cursor, Map<String, String> resume) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = JiraFixtures.connector(
                JiraFixtures.config(server.url(path).toString(), deployment, 50, "WID"), "secret-1", d -> { })) {
            connector.extract(new ExtractRequest("jira_issues", "WID", SyncMode.INCREMENTAL, cursor, resume, RUN_START),
                    sink);
        }
        return sink;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body).build();
    }
}
