package io.etlfleet.storage.integrations;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code etl.integrations}: one configured source of one tenant. Never holds the
 * decrypted credentials; {@link IntegrationStore#credentials(Integration)} reads them when a
 * connector needs them.
 *
 * @param type       {@code github}, {@code jira} or {@code jdbc}
 * @param configJson the connector config as a JSON object
 */
public record Integration(
        UUID id,
        UUID tenantId,
        String type,
        String name,
        String configJson,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {
}
