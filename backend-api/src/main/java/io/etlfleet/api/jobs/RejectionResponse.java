package io.etlfleet.api.jobs;

import io.etlfleet.storage.rejections.Rejection;
import java.time.Instant;
import java.util.UUID;

/**
 * A source record a job could not store ({@code stage} {@code extract}) or map to its warehouse
 * row ({@code transform}, with the stored raw object's id); the rest of its page and job went on.
 */
public record RejectionResponse(UUID jobId, String stage, String entityType, String externalId, Long rawId,
        String reason, Instant rejectedAt) {

    static RejectionResponse of(Rejection rejection) {
        return new RejectionResponse(rejection.jobId(), rejection.stage(), rejection.entityType(),
                rejection.externalId(), rejection.rawId(), rejection.reason(), rejection.rejectedAt());
    }
}
