package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.EtagStore;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RateLimitBudgets;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.integrations.spi.UploadedFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Settings, connectors and runs for the csv connector's tests. */
final class CsvFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INTEGRATION = "integration-csv";
    static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
    /** Two attempts a millisecond apart, waits not slept. */
    static final HttpPolicy FAST = HttpPolicy.defaults().withRetries(2, Duration.ofMillis(1)).withSleeper(d -> { });

    private CsvFixtures() {
    }

    static ObjectNode config() {
        return JSON.createObjectNode();
    }

    static ConnectorSettings settings(ObjectNode config) {
        return new ConnectorSettings(INTEGRATION, config, Map.of());
    }

    static ConnectorServices services(UploadedFiles files) {
        return new ConnectorServices(RateLimitBudgets.inMemory(), EtagStore.inMemory(), files);
    }

    static Connector connector(ObjectNode config, ConnectorServices services) {
        return new CsvConnectorFactory(HTTP, FAST, services).create(settings(config));
    }

    static ExtractRequest request(String entity, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        return new ExtractRequest(entity, "", mode, cursor, resumeFrom, Instant.now());
    }

    static RecordingSink extract(Connector connector, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        return extract(connector, RecordingSink.all(), mode, cursor, resumeFrom);
    }

    static <S extends PageSink> S extract(Connector connector, S sink, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        try (connector) {
            connector.extract(request(connector.entityTypes().get(0), mode, cursor, resumeFrom), sink);
        }
        return sink;
    }
}
