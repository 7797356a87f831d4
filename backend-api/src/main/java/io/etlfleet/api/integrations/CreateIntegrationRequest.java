package io.etlfleet.api.integrations;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/integrations}. {@link #toString()} lists credential names only.
 *
 * @param tenantId only for admin keys, which must name the tenant the integration belongs to;
 *                 tenant keys create integrations for their own tenant
 */
public record CreateIntegrationRequest(String type, String name, JsonNode config, Map<String, String> credentials,
        UUID tenantId) {

    @Override
    public String toString() {
        return "CreateIntegrationRequest[type=" + type + ", name=" + name + ", config=" + config + ", credentials="
                + (credentials == null ? null : credentials.keySet()) + ", tenantId=" + tenantId + "]";
    }
}
