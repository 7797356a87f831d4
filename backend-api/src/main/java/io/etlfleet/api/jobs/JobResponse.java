package io.etlfleet.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.etlfleet.storage.jobs.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API shows it. {@code children} (the transform jobs of an extract job) appear
 * on {@code GET /jobs/{id}} only, each in this shape without children of its own.
 */
public record JobResponse(
        UUID id,
        String kind,
        String status,
        String entityType,
        UUID integrationId,
        String integrationType,
        UUID tenantId,
        String mode,
        UUID parentId,
        int attempts,
        Map<String, Long> counts,
        String error,
        String workerId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<JobResponse> children) {

    static JobResponse of(Job job, List<Job> children) {
        return new JobResponse(job.id(), job.kind().dbValue(), job.status().dbValue(), job.entityType(),
                job.integrationId(), job.integrationType(), job.tenantId(), job.mode(), job.parentId(), job.attempts(),
                job.counts(), job.error(), job.workerId(), job.createdAt(), job.startedAt(), job.finishedAt(),
                children == null ? null : children.stream().map(child -> of(child, null)).toList());
    }
}
