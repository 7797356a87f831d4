package io.etlfleet.api.integrations;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code PATCH /api/v1/integrations/{id}}: the fields to change; absent ones stay.
 * {@code config} replaces the whole config. {@link #toString()} lists credential names only.
 */
public record UpdateIntegrationRequest(String name, JsonNode config, Map<String, String> credentials) {

    @Override
    public String toString() {
        return "UpdateIntegrationRequest[name=" + name + ", config=" + config + ", credentials="
                + (credentials == null ? null : credentials.keySet()) + "]";
    }
}
