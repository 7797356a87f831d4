package io.etlfleet.storage.raw;

import java.time.Instant;
import java.util.UUID;

/** A stored row of {@code etl.raw_extraction_data}, as transforms read it. */
public record RawRow(long id, UUID tenantId, UUID integrationId, String entityType, String externalId,
        String rawJson, Instant sourceUpdatedAt, UUID batchId, Instant extractedAt) {
}
