package io.etlfleet.storage.rejections;

import java.time.Instant;
import java.util.UUID;

/**
 * A source record a job could not store or map.
 *
 * @param stage {@link #EXTRACT} or {@link #TRANSFORM}
 * @param rawId the stored raw object, for transform rejections; null otherwise
 */
public record Rejection(long id, UUID jobId, UUID integrationId, String entityType, String stage, String externalId,
        Long rawId, String reason, Instant rejectedAt) {

    public static final String EXTRACT = "extract";
    public static final String TRANSFORM = "transform";
}
