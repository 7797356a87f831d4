package io.etlfleet.api.syncstate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Answer to {@code GET /api/v1/integrations/{id}/sync-state}: one entry per entity type and scope. */
public record SyncStateResponse(List<Entity> entities) {

    /**
     * @param scope            repository, project or table; empty when the entity has none
     * @param cursor           where the next incremental run starts (watermark and tie-breaker)
     * @param lastSuccessAt    when the last extract job of this entity type succeeded
     * @param cursorAgeSeconds seconds since the cursor was written
     */
    public record Entity(String entityType, String scope, Map<String, String> cursor, Instant windowStart,
            Instant windowEnd, UUID lastJobId, Instant updatedAt, Instant lastSuccessAt, Long cursorAgeSeconds) {
    }
}
