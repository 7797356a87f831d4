package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Running one extraction against a scripted server, for the wire tests. */
final class RestWire {

    private RestWire() {
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    static RecordingSink extract(ConnectorSettings settings, RestFixtures.Waits waits, ConnectorServices services) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = RestFixtures.connector(settings, waits, services)) {
            connector.extract(new ExtractRequest("items", "", SyncMode.FULL, Map.of(), Map.of(), Instant.now()), sink);
        }
        return sink;
    }

    static RecordingSink extract(ConnectorSettings settings) {
        return extract(settings, new RestFixtures.Waits(), ConnectorServices.local());
    }
}
