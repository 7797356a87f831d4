package io.etlfleet.api.extractions;

import java.util.List;
import java.util.UUID;

/** Answer to {@code POST /api/v1/extractions}: one queued extract job per entity type. */
public record ExtractionResponse(List<EnqueuedJob> jobs) {

    public record EnqueuedJob(UUID id, String entityType, String status) {
    }
}
