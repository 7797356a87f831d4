package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import okhttp3.OkHttpClient;

/**
 * Creates {@link CsvConnector}s sharing one OkHttp client (its connection pool, with redirects
 * left to {@link CsvClient}) and the runtime's ETag store and uploaded files. Thread-safe.
 */
public final class CsvConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "csv";

    private final OkHttpClient http;
    private final HttpPolicy policy;
    private final ConnectorServices services;

    public CsvConnectorFactory(OkHttpClient http, HttpPolicy policy, ConnectorServices services) {
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.policy = policy;
        this.services = services;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        CsvConfig config = CsvConfig.from(settings);
        return new CsvConnector(config, new CsvClient(http, config, policy, settings.integrationId()), services, policy,
                settings.integrationId());
    }

    @Override
    public void validate(ConnectorSettings settings) {
        CsvConfig.from(settings);
    }
}
