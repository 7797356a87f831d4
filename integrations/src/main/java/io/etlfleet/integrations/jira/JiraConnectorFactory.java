package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorSettings;
import okhttp3.OkHttpClient;

/** Creates {@link JiraConnector}s (Cloud and Data Center) sharing one OkHttp client. Thread-safe. */
public final class JiraConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "jira";

    private final OkHttpClient http;
    private final HttpPolicy policy;

    public JiraConnectorFactory(OkHttpClient http, HttpPolicy policy) {
        this.http = http;
        this.policy = policy;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        JiraConfig config = JiraConfig.from(settings);
        return new JiraConnector(config, new JiraClient(http, config, policy, settings.integrationId()));
    }

    @Override
    public void validate(ConnectorSettings settings) {
        JiraConfig.from(settings);
    }
}
