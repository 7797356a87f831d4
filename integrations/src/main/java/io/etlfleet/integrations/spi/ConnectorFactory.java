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

    /**
     * Validates config and credentials without creating anything or calling the source;
     * returns normally when they are usable.
     *
     * @throws InvalidConfigException naming the first offending field
     */
    void validate(ConnectorSettings settings);
}
