package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.CircuitBreakers;
import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import okhttp3.OkHttpClient;

/**
 * Creates {@link GithubConnector}s sharing one OkHttp client (connection pool), the runtime's
 * budgets and ETag store, and one circuit breaker per integration id. Thread-safe.
 */
public final class GithubConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "github";

    private final OkHttpClient http;
    private final HttpPolicy policy;
    private final ConnectorServices services;
    private final CircuitBreakers breakers;

    public GithubConnectorFactory(OkHttpClient http, HttpPolicy policy) {
        this(http, policy, ConnectorServices.local());
    }

    public GithubConnectorFactory(OkHttpClient http, HttpPolicy policy, ConnectorServices services) {
        this.http = http;
        this.policy = policy;
        this.services = services;
        this.breakers = new CircuitBreakers(policy.circuitBreaker());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        GithubConfig config = GithubConfig.from(settings);
        return new GithubConnector(config, new GithubClient(http, config, policy, settings.integrationId(), services,
                breakers.forName("github-" + settings.integrationId())));
    }

    @Override
    public void validate(ConnectorSettings settings) {
        GithubConfig.from(settings);
    }
}
