package io.etlfleet.api.integrations;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** An integration as the API shows it: its config, never its credentials. */
public record IntegrationResponse(UUID id, UUID tenantId, String type, String name, JsonNode config, boolean enabled,
        Instant createdAt, Instant updatedAt) {
}
