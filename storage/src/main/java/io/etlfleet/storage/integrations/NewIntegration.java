package io.etlfleet.storage.integrations;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An integration to create; {@link IntegrationStore#create} encrypts {@code credentials}.
 * {@link #toString()} lists credential names only.
 */
public record NewIntegration(UUID tenantId, String type, String name, String configJson,
        Map<String, String> credentials) {

    public NewIntegration {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configJson, "configJson");
        credentials = Map.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "NewIntegration[tenantId=" + tenantId + ", type=" + type + ", name=" + name + ", config=" + configJson
                + ", credentials=" + credentials.keySet() + "]";
    }
}
