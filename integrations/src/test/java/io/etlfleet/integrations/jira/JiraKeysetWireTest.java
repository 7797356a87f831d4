package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keyset paging of issue search on the wire (MockWebServer): the queries sent, their positions and checkpoints. */
class JiraKeysetWireTest {

    private static final Instant RUN_START = Instant.parse("2024-01-02T00:00:00Z");
    private static final long RUN_START_MS = RUN_START.toEpochMilli();
    private static final String A = issue(10001, "WID-1", "2024-01-01T10:00:01.000+0000");
    private static final String B = issue(10002, "WID-2", "2024-01-01T10:00:02.000+0000");
    private static final String C = issue(10003, "WID-3", "2024-01-01T10:00:02.000+0000");
    private static final String D = issue(10004, "WID-4", "2024-01-01T10:00:02.000+0000");
    private static final String E = issue(10005, "WID-5", "2024-01-01T10:00:05.000+0000");
    private static final long U2 = Instant.parse("2024-01-01T10:00:02Z").toEpochMilli();
    private static final String BASE_JQL = "project = \"WID\" AND updated <= " + RUN_START_MS + " ORDER BY updated ASC, key ASC";
    private static final String FROM_U2_JQL = "project = \"WID\" AND updated >= " + U2 + " AND updated <= " + RUN_START_MS
            + " ORDER BY updated ASC, key ASC";
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
    void eachDataCenterPageIsAFreshQueryFromTheLastUpdatedSeenAtStartAtZero() {
        server.enqueue(json(dcPage(0, 4, A, B)));
        server.enqueue(json(dcPage(0, 2, B, E)));

        RecordingSink sink = extract("datacenter", Map.of());

        RecordedRequest first = take();
        RecordedRequest second = take();
        assertThat(first.getUrl().queryParameter("jql")).isEqualTo(BASE_JQL);
        assertThat(second.getUrl().queryParameter("jql")).isEqualTo(FROM_U2_JQL);
        assertThat(second.getUrl().queryParameter("startAt")).isEqualTo("0");
        assertThat(sink.externalIds()).as("the boundary issue WID-2 comes again and is dropped by its id")
                .containsExactly("WID-1", "WID-2", "WID-5");
        assertThat(sink.pages().get(0).checkpoint()).containsOnly(Map.entry("from_updated_ms", Long.toString(U2)),
                Map.entry("from_ids", "10002"), Map.entry("until_updated_ms", Long.toString(RUN_START_MS)),
                Map.entry("max_updated_ms", Long.toString(U2)));
        assertThat(sink.lastPage().last()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void eachCloudPageIsAFreshQueryWithoutThePageToken() {
        server.enqueue(json(cloudPage("tok-2", A, B)));
        server.enqueue(json(cloudPage(null, B, E)));

        RecordingSink sink = extract("cloud", Map.of());

        take();
        RecordedRequest second = take();
        assertThat(second.getUrl().queryParameter("jql")).isEqualTo(FROM_U2_JQL);
        assertThat(second.getUrl().queryParameter("nextPageToken")).isNull();
        assertThat(sink.externalIds()).containsExactly("WID-1", "WID-2", "WID-5");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void readsOnByStartAtInsideTheSameQueryWhenAWholeDataCenterPageSharesOneMillisecond() {
        server.enqueue(json(dcPage(0, 5, A, B)));
        server.enqueue(json(dcPage(0, 4, B, C)));
        server.enqueue(json(dcPage(2, 4, D, E)));

        RecordingSink sink = extract("datacenter", Map.of());

        take();
        RecordedRequest tie = take();
        RecordedRequest inside = take();
        assertThat(inside.getUrl().queryParameter("jql")).isEqualTo(tie.getUrl().queryParameter("jql")).isEqualTo(FROM_U2_JQL);
        assertThat(inside.getUrl().queryParameter("startAt")).isEqualTo("2");
        assertThat(sink.pages().get(1).checkpoint()).containsEntry("start_at", "2")
                .containsEntry("from_updated_ms", Long.toString(U2));
        assertThat(sink.externalIds()).containsExactly("WID-1", "WID-2", "WID-3", "WID-4", "WID-5");
        assertThat(server.getRequestCount()).as("total reached after the third page").isEqualTo(3);
    }

    @Test
    void followsTheCloudTokenInsideTheSameQueryWhenAWholePageSharesOneMillisecond() {
        server.enqueue(json(cloudPage("tok-a", A, B)));
        server.enqueue(json(cloudPage("tok-b", B, C)));
        server.enqueue(json(cloudPage(null, D, E)));

        RecordingSink sink = extract("cloud", Map.of());

        take();
        RecordedRequest tie = take();
        RecordedRequest inside = take();
        assertThat(tie.getUrl().queryParameter("nextPageToken")).isNull();
        assertThat(inside.getUrl().queryParameter("jql")).isEqualTo(FROM_U2_JQL);
        assertThat(inside.getUrl().queryParameter("nextPageToken")).isEqualTo("tok-b");
        assertThat(sink.pages().get(1).checkpoint()).containsEntry("next_page_token", "tok-b");
        assertThat(sink.externalIds()).containsExactly("WID-1", "WID-2", "WID-3", "WID-4", "WID-5");
    }

    @Test
    void anIssueChangedDuringTheRunIsNotEmittedTwiceAndHoldsTheCursorAtItsNewVersion() {
        String changedA = issue(10001, "WID-1", "2024-01-01T10:00:03.000+0000");
        server.enqueue(json(dcPage(0, 3, A, B)));
        server.enqueue(json(dcPage(0, 3, B, changedA, E)));

        RecordingSink sink = extract("datacenter", Map.of());

        assertThat(sink.externalIds()).containsExactly("WID-1", "WID-2", "WID-5");
        assertThat(sink.committedCursor()).containsEntry("updated_ms",
                Long.toString(Instant.parse("2024-01-01T10:00:03Z").toEpochMilli()));
    }

    @Test
    void resumesADataCenterPositionCheckpointFromBeforeKeysetPagingAtItsHighestUpdated() {
        server.enqueue(json(dcPage(0, 1, E)));
        Map<String, String> old = Map.of("jql", "project = \"WID\" AND updated <= 5000 ORDER BY updated ASC",
                "start_at", "2", "total", "4", "max_updated_ms", "4000");

        RecordingSink sink = extract("datacenter", old);

        RecordedRequest request = take();
        assertThat(request.getUrl().queryParameter("jql"))
                .isEqualTo("project = \"WID\" AND updated >= 4000 AND updated <= 5000 ORDER BY updated ASC, key ASC");
        assertThat(request.getUrl().queryParameter("startAt")).isEqualTo("0");
        assertThat(sink.externalIds()).containsExactly("WID-5");
    }

    @Test
    void resumesACloudTokenCheckpointFromBeforeKeysetPagingAtItsHighestUpdatedWithoutTheToken() {
        server.enqueue(json(cloudPage(null)));

        extract("cloud", Map.of("jql", "project = \"WID\" AND updated >= 1000 ORDER BY updated ASC",
                "next_page_token", "tok-2", "max_updated_ms", "5000"));

        RecordedRequest request = take();
        assertThat(request.getUrl().queryParameter("jql")).isEqualTo("project = \"WID\" AND updated >= 5000 AND updated <= "
                + RUN_START_MS + " ORDER BY updated ASC, key ASC");
        assertThat(request.getUrl().queryParameter("nextPageToken")).isNull();
    }

    @Test
    void resumesInsideOneMillisecondWithTheCheckpointsTokenAndTheSameQuery() {
        server.enqueue(json(cloudPage(null, D, E)));

        RecordingSink sink = extract("cloud", Map.of("from_updated_ms", Long.toString(U2), "from_ids", "10002,10003",
                "until_updated_ms", Long.toString(RUN_START_MS), "next_page_token", "tok-b", "max_updated_ms", Long.toString(U2)));

        RecordedRequest request = take();
        assertThat(request.getUrl().queryParameter("jql")).isEqualTo(FROM_U2_JQL);
        assertThat(request.getUrl().queryParameter("nextPageToken")).isEqualTo("tok-b");
        assertThat(sink.externalIds()).containsExactly("WID-4", "WID-5");
    }

    private static String issue(long id, String key, String updated) {
        return """
                {"id":"%d","key":"%s","fields":{"summary":"s","updated":"%s"},
                 "changelog":{"startAt":0,"maxResults":0,"total":0,"histories":[]}}""".formatted(id, key, updated);
    }

    private static String dcPage(int startAt, int total, String... issues) {
        return "{\"startAt\":" + startAt + ",\"maxResults\":2,\"total\":" + total + ",\"issues\":["
                + String.join(",", issues) + "]}";
    }

    private static String cloudPage(String nextPageToken, String... issues) {
        return "{\"issues\":[" + Arrays.stream(issues).collect(Collectors.joining(",")) + "]"
                + (nextPageToken == null ? ",\"isLast\":true}" : ",\"nextPageToken\":\"" + nextPageToken + "\",\"isLast\":false}");
    }

    private RecordedRequest take() {
        try {
            return server.takeRequest(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RecordingSink extract(String deployment, Map<String, String> resume) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = JiraFixtures.connector(
                JiraFixtures.config(server.url("/").toString(), deployment, 2, "WID"), "secret-1", d -> { })) {
            connector.extract(new ExtractRequest("jira_issues", "WID", SyncMode.FULL, Map.of(), resume, RUN_START), sink);
        }
        return sink;
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body).build();
    }
}
