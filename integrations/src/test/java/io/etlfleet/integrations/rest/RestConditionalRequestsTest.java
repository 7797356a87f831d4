package io.etlfleet.integrations.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first page of an incremental run is asked with the ETag saved when an earlier run committed
 * it; a 304 costs no records and the run goes on from the next page saved with it.
 */
class RestConditionalRequestsTest {

    private final FakeRestApi api = new FakeRestApi();
    private final MockWebServer server = new MockWebServer();
    private final ConnectorServices services = ConnectorServices.local();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(api);
        server.start();
        api.givenItems(100);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ObjectNode config(String style) {
        ObjectNode config = RestFixtures.config(server.url("/").toString(), "/api/v1/" + style + "/items");
        ObjectNode stream = RestFixtures.stream(config);
        if (style.equals("link")) {
            stream.putObject("pagination").put("type", "link_header");
            stream.putObject("params").put("per_page", 25);
        } else {
            stream.put("records_path", "/items").putObject("pagination").put("type", "offset").put("limit", 25);
        }
        return config;
    }

    private RecordingSink run(String style, SyncMode mode, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = RestFixtures.connector(RestFixtures.settings(config(style), FakeRestApi.TOKEN),
                new RestFixtures.Waits(), services)) {
            connector.extract(new ExtractRequest("items", "", mode, cursor, Map.of(), Instant.now()), sink);
        }
        return sink;
    }

    @Test
    void anUnchangedFirstPageAnswers304AndTheRunGoesOnFromTheSavedNextLink() {
        Map<String, String> cursor = cursorAt(10);
        run("link", SyncMode.INCREMENTAL, cursor);
        // A record changed since lands on the last page; the first page stays as it was.
        String inserted = api.insert();
        int before = api.requests().size();

        RecordingSink again = run("link", SyncMode.INCREMENTAL, cursor);

        assertThat(api.requests().get(before).getHeaders().get("If-None-Match")).isNotNull();
        assertNotModifiedFirstPage(again);
        // Items 10..100 were 91 records, 25 of them on the unchanged first page; the new one is read behind them.
        assertThat(again.externalIds()).hasSize(91 - 25 + 1).contains(inserted).doesNotContain("10", "34");
        assertThat(again.committedCursor()).containsEntry("cursor_value", api.item(101).updatedAt().toString());
    }

    @Test
    void anUnchangedFirstPageAnswers304AndTheRunGoesOnFromTheSavedOffset() {
        Map<String, String> cursor = cursorAt(10);
        run("offset", SyncMode.INCREMENTAL, cursor);

        RecordingSink again = run("offset", SyncMode.INCREMENTAL, cursor);

        assertNotModifiedFirstPage(again);
        assertThat(again.pages().get(0).checkpoint()).containsEntry("next_offset", "25");
        assertThat(again.externalIds()).hasSize(91 - 25).doesNotContain("34").contains("35", "100");
        assertThat(again.committedCursor()).containsEntry("cursor_value", api.item(100).updatedAt().toString());
    }

    private Map<String, String> cursorAt(long id) {
        return Map.of("cursor_field", "updated_at", "cursor_value", api.item(id).updatedAt().toString());
    }

    private static void assertNotModifiedFirstPage(RecordingSink sink) {
        Page unchanged = sink.pages().get(0);
        assertThat(unchanged.records()).isEmpty();
        assertThat(unchanged.counts()).containsEntry(Page.NOT_MODIFIED, 1L);
        assertThat(unchanged.checkpoint()).isNotEmpty();
    }

    @Test
    void fullRunsAskWithoutAnEtagButSaveOne() {
        run("link", SyncMode.FULL, Map.of());
        run("link", SyncMode.FULL, Map.of());
        RecordingSink incremental = run("link", SyncMode.INCREMENTAL, Map.of());

        List<RecordedRequest> requests = api.requests();
        assertThat(requests.subList(0, 8)).allSatisfy(r -> assertThat(r.getHeaders().get("If-None-Match")).isNull());
        assertThat(requests.get(8).getHeaders().get("If-None-Match")).isNotNull();
        assertThat(incremental.pages().get(0).counts()).containsEntry(Page.NOT_MODIFIED, 1L);
        assertThat(incremental.externalIds()).hasSize(75);
        assertThat(incremental.committedCursor()).containsEntry("cursor_value", api.item(100).updatedAt().toString());
    }

    @Test
    void aNotModifiedLastPageEndsTheRunWithTheCursorItSaved() {
        Map<String, String> cursor = cursorAt(100);
        run("link", SyncMode.INCREMENTAL, cursor);

        RecordingSink again = run("link", SyncMode.INCREMENTAL, cursor);

        assertThat(again.pages()).singleElement().satisfies(page -> {
            assertThat(page.last()).isTrue();
            assertThat(page.counts()).containsEntry(Page.NOT_MODIFIED, 1L);
            assertThat(page.cursor()).isEqualTo(cursor);
        });
    }
}
