package io.etlfleet.integrations.rest;

import static io.etlfleet.integrations.rest.RestWire.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** What the cursor is made of: the values of cursor_field, their order, and which ones move it. */
class RestCursorTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RecordingSink run(ObjectNode config, Map<String, String> cursor, Instant startedAt) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = RestFixtures.connector(config, "tok")) {
            connector.extract(new ExtractRequest("items", "", SyncMode.INCREMENTAL, cursor, Map.of(), startedAt), sink);
        }
        return sink;
    }

    private ObjectNode config() {
        return RestFixtures.config(server.url("/").toString(), "/items");
    }

    @Test
    void ordersInstantsAsInstantsNumbersAsNumbersAndTheRestAsText() {
        assertThat(CursorValues.max("2024-01-01T10:00:00+02:00", "2024-01-01T09:00:00Z")).isEqualTo("2024-01-01T09:00:00Z");
        assertThat(CursorValues.max("9", "10")).isEqualTo("10");
        assertThat(CursorValues.max("b", "a")).isEqualTo("b");
        assertThat(CursorValues.max(null, "a")).isEqualTo("a");
        assertThat(CursorValues.instant("1700000000")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(CursorValues.instant("1700000000123")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(CursorValues.instant("2024-03-01T12:00:00")).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(CursorValues.instant("2024-03-01")).isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(CursorValues.instant("42")).isNull();
        assertThat(CursorValues.instant("v2")).isNull();
    }

    @Test
    void aRecordChangedAfterTheRunStartedIsReadButDoesNotMoveTheCursor() {
        Instant startedAt = Instant.parse("2030-01-01T00:00:00Z");
        server.enqueue(json("[{\"id\":1,\"updated_at\":\"2029-12-31T23:00:00Z\"},"
                + "{\"id\":2,\"updated_at\":\"2030-01-01T00:00:05Z\"}]"));

        RecordingSink sink = run(config(), Map.of(), startedAt);

        assertThat(sink.externalIds()).containsExactly("1", "2");
        assertThat(sink.records().get(1).updatedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:05Z"));
        assertThat(sink.committedCursor()).containsEntry("cursor_value", "2029-12-31T23:00:00Z")
                .containsEntry("cursor_field", "updated_at");
    }

    @Test
    void readsAnEpochCursorFieldAndSendsItBackAsTheSourceWroteIt() throws Exception {
        ObjectNode config = config();
        RestFixtures.stream(config).put("cursor_field", "/meta/modified").put("cursor_param", "modified_after");
        server.enqueue(json("[{\"id\":1,\"meta\":{\"modified\":1700000000}},{\"id\":2,\"meta\":{\"modified\":1700000500}}]"));
        server.enqueue(json("[]"));

        Map<String, String> cursor = run(config, Map.of(), Instant.now()).committedCursor();
        run(config, cursor, Instant.now());

        assertThat(cursor).containsEntry("cursor_value", "1700000500").containsEntry("cursor_field", "/meta/modified");
        server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("modified_after")).isEqualTo("1700000500");
    }

    @Test
    void ignoresACursorTakenFromAnotherCursorField() throws Exception {
        server.enqueue(json("[]"));

        run(config(), Map.of("cursor_field", "created_at", "cursor_value", "2024-01-01T00:00:00Z"), Instant.now());

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("updated_since")).isNull();
    }
}
