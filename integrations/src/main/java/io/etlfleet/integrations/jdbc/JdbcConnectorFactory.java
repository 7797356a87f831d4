package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorSettings;
import java.time.Duration;
import java.util.function.Function;

/**
 * Creates {@link JdbcConnector}s for PostgreSQL, MariaDB/MySQL and Oracle sources. Thread-safe;
 * holds no connections (each connector opens its own). Retries of a failed query follow the
 * same {@link HttpPolicy} attempts and backoff as the HTTP connectors.
 */
public final class JdbcConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "jdbc";

    private final HttpPolicy policy;
    private final Function<JdbcConfig, JdbcClient.ConnectionOpener> openers;

    public JdbcConnectorFactory(HttpPolicy policy) {
        this(policy, JdbcClient::driverManager);
    }

    /** @param openers how connections are opened for a config; tests wrap the driver's to inject faults */
    public JdbcConnectorFactory(HttpPolicy policy, Function<JdbcConfig, JdbcClient.ConnectionOpener> openers) {
        this.policy = policy;
        this.openers = openers;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        JdbcConfig config = JdbcConfig.from(settings);
        ResilientRequests requests = new ResilientRequests("jdbc " + settings.integrationId(), policy, Duration.ZERO);
        return new JdbcConnector(config, new JdbcClient(config, openers.apply(config), requests));
    }

    @Override
    public void validate(ConnectorSettings settings) {
        JdbcConfig.from(settings);
    }
}
