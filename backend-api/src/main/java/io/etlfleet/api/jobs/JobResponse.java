package io.etlfleet.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobEvent;
import io.etlfleet.storage.rejections.Rejection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A job as the API shows it. {@code children} (the jobs it started: transform jobs of an
 * extract job, retries), {@code timeline} and {@code rejections} (source records the job or
 * its children rejected, the first of {@code rejections_total}) appear on
 * {@code GET /jobs/{id}} only.
 *
 * @param cancelRequestedAt when a cancel was asked while the job ran; null otherwise
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
        Instant cancelRequestedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TimelineEntry> timeline,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<JobResponse> children,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RejectionResponse> rejections,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long rejectionsTotal) {

    /** One status the job entered, or a request made while it ran. */
    public record TimelineEntry(Instant at, String status, String message) {
    }

    static JobResponse summary(Job job) {
        return of(job, null, null, null, null);
    }

    static JobResponse detailed(Job job, List<Job> children, List<JobEvent> events, List<Rejection> rejections,
            long rejectionsTotal) {
        return of(job, children, events, rejections, rejectionsTotal);
    }

    private static JobResponse of(Job job, List<Job> children, List<JobEvent> events, List<Rejection> rejections,
            Long rejectionsTotal) {
        return new JobResponse(job.id(), job.kind().dbValue(), job.status().dbValue(), job.entityType(),
                job.integrationId(), job.integrationType(), job.tenantId(), job.mode(), job.parentId(), job.attempts(),
                job.counts(), job.error(), job.workerId(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.cancelRequestedAt(),
                events == null ? null : events.stream().map(e -> new TimelineEntry(e.at(), e.status(), e.message())).toList(),
                children == null ? null : children.stream().map(JobResponse::summary).toList(),
                rejections == null ? null : rejections.stream().map(RejectionResponse::of).toList(),
                rejectionsTotal);
    }
}
