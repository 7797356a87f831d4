package io.etlfleet.integrations.spi;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What a connector is created from: the integration's id, its config JSON as the API
 * stored it, and its decrypted credentials. {@link #toString()} never shows credentials.
 */
public record ConnectorSettings(String integrationId, JsonNode config, Map<String, String> credentials) {

    public ConnectorSettings {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(config, "config");
        credentials = Map.copyOf(credentials);
    }

    public String credential(String name) {
        return credentials.get(name);
    }

    @Override
    public String toString() {
        return "ConnectorSettings[integrationId=" + integrationId + ", config=" + config
                + ", credentials=" + credentials.keySet() + "]";
    }
}
