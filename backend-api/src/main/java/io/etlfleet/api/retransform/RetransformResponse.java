package io.etlfleet.api.retransform;

import java.util.List;
import java.util.UUID;

/** Answer to {@code POST /api/v1/retransforms}: the queued transform jobs; empty when no raw row matched. */
public record RetransformResponse(List<QueuedJob> jobs) {

    public record QueuedJob(UUID id, String entityType, String status) {
    }
}
