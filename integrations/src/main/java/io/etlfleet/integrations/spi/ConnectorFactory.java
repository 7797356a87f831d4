package io.etlfleet.integrations.spi;

/**
 * Creates connectors of one integration type. A factory is long-lived and thread-safe
 * (it owns shared resources such as the HTTP connection pool); connectors are per job.
 */
public interface ConnectorFactory {

    String type();

    /**
     * Validates the settings and creates a connector.
     *
     * @throws InvalidConfigException when the config or credentials are unusable
     */
    Connector create(ConnectorSettings settings);

    /** Validates config and credentials without creating anything; empty when valid. */
    void validate(ConnectorSettings settings);
}
