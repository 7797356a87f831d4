package io.etlfleet.api.raw;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A stored raw object as the API shows it.
 *
 * @param rawData            the complete source object
 * @param extractionMetadata endpoint, request parameters, page cursor, ETag, rate-limit headers, job id
 */
public record RawObjectResponse(long id, UUID tenantId, UUID integrationId, String entityType, String externalId,
        JsonNode rawData, JsonNode extractionMetadata, String contentHash, Instant sourceUpdatedAt, UUID jobId,
        UUID batchId, Instant extractedAt, Instant transformedAt) {
}
