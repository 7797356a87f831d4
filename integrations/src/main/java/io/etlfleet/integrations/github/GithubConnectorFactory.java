package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorSettings;
import okhttp3.OkHttpClient;

/** Creates {@link GithubConnector}s sharing one OkHttp client (connection pool). Thread-safe. */
public final class GithubConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "github";

    private final OkHttpClient http;
    private final HttpPolicy policy;

    public GithubConnectorFactory(OkHttpClient http, HttpPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        GithubConfig config = GithubConfig.from(settings);
        return new GithubConnector(config, new GithubClient(http, config, policy, settings.integrationId()));
    }

    @Override
    public void validate(ConnectorSettings settings) {
        GithubConfig.from(settings);
    }
}
