package io.etlfleet.storage.raw;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored source object with everything recorded about its extraction, as the API shows it.
 *
 * @param rawJson      the complete source object
 * @param metadataJson endpoint, request parameters, page cursor, ETag, rate-limit headers, job id
 * @param contentHash  hex SHA-256 of the object, the de-duplication key
 */
public record RawObject(long id, UUID tenantId, UUID integrationId, String entityType, String externalId,
        String rawJson, String metadataJson, String contentHash, Instant sourceUpdatedAt, UUID jobId, UUID batchId,
        Instant extractedAt, Instant transformedAt) {
}
