package io.etlfleet.integrations.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The config that reads the sample source's REST orders, as the demo would. */
class RestSampleOrdersTest {

    private SampleSource source;

    @BeforeEach
    void start() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private ObjectNode config() {
        return (ObjectNode) RestFixtures.JSON.readTree("""
                {"base_url": "%s",
                 "auth": {"type": "bearer"},
                 "streams": [{"name": "orders", "path": "/v1/orders", "records_path": "/data",
                              "primary_key": ["id"], "cursor_field": "updated_at", "cursor_param": "updated_since",
                              "params": {"limit": 100},
                              "pagination": {"type": "cursor", "token_path": "/pagination/next_cursor",
                                             "token_param": "cursor"}}]}
                """.formatted(source.restBaseUrl()));
    }

    private RecordingSink run(SyncMode mode, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = RestFixtures.connector(config(), "any-token")) {
            connector.extract(new ExtractRequest("orders", "", mode, cursor, Map.of(), Instant.now()), sink);
        }
        return sink;
    }

    @Test
    void readsEveryOrderAndThenOnlyTheChangedOnes() {
        RecordingSink full = run(SyncMode.INCREMENTAL, Map.of());
        source.orders().update(7);
        long added = source.orders().add();

        RecordingSink incremental = run(SyncMode.INCREMENTAL, full.committedCursor());

        assertThat(full.externalIds()).hasSize(500).doesNotHaveDuplicates();
        assertThat(full.pages()).hasSize(5);
        assertThat(full.records().get(0).json()).contains("\"amount\":\"", "\"customer\":{\"name\":");
        // updated_since is "at or after": the last order read before comes again.
        assertThat(incremental.externalIds()).contains("7", Long.toString(added)).hasSize(3);
        assertThat(incremental.committedCursor().get("cursor_value"))
                .isEqualTo(source.orders().order(added).updatedAt().toString());
    }
}
