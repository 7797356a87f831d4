package io.etlfleet.storage.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The incremental cursor of one entity type and scope, and the window the run that wrote
 * it covered.
 */
public record SyncState(UUID tenantId, UUID integrationId, String entityType, String scope,
        Map<String, String> cursor, Instant windowStart, Instant windowEnd, UUID lastJobId, Instant updatedAt) {
}
