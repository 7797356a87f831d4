package io.etlfleet.api.jobs;

import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.errors.QueryParams;
import io.etlfleet.api.paging.Cursors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobHistory;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobQuery;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.rejections.RejectionStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Extract and transform jobs of the caller's tenant; another tenant's job answers 404. */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {

    static final int DEFAULT_LIMIT = 50;
    static final int DEFAULT_HOURS = 24;
    static final int DETAIL_REJECTIONS = 20;
    static final int MAX_REJECTIONS = 1000;

    private final JobStore jobs;
    private final JobHistory history;
    private final JobActions actions;
    private final RejectionStore rejections;

    public JobController(JobStore jobs, JobHistory history, JobActions actions, RejectionStore rejections) {
        this.jobs = jobs;
        this.history = history;
        this.actions = actions;
        this.rejections = rejections;
    }

    /**
     * The job with its transform children, its timeline, and the first source records it or its
     * children rejected ({@code rejections}, with {@code rejections_total}).
     */
    @GetMapping("/{id}")
    public JobResponse get(Caller caller, @PathVariable UUID id) {
        Job job = actions.visible(caller, id);
        return JobResponse.detailed(job, jobs.children(job.id()), history.timeline(job.id()),
                rejections.forJob(job.id(), DETAIL_REJECTIONS), rejections.countForJob(job.id()));
    }

    /**
     * Source records the job or its child jobs could not store or map, oldest first, each with
     * its external id, stage and reason; {@code limit} 1 to 1000 (default 50).
     */
    @GetMapping("/{id}/rejections")
    public RejectionListResponse rejections(Caller caller, @PathVariable UUID id,
            @RequestParam(required = false) String limit) {
        FieldErrors errors = new FieldErrors();
        int size = QueryParams.bounded(errors, "limit", limit, 1, MAX_REJECTIONS, DEFAULT_LIMIT);
        errors.throwIfAny();
        Job job = actions.visible(caller, id);
        return new RejectionListResponse(
                rejections.forJob(job.id(), size).stream().map(RejectionResponse::of).toList(),
                rejections.countForJob(job.id()));
    }

    /**
     * Lists jobs newest first. Filters: {@code integration_id}, {@code status}, {@code kind},
     * {@code entity_type}; {@code limit} (1 to 500, default 50); {@code cursor} (the previous
     * page's {@code next_cursor}) or {@code before} (a job id). Admins may add {@code tenant_id}.
     */
    @GetMapping
    public JobListResponse list(Caller caller,
            @RequestParam(name = "integration_id", required = false) String integrationId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(name = "entity_type", required = false) String entityType,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String before,
            @RequestParam(name = "tenant_id", required = false) String tenantId) {
        FieldErrors errors = new FieldErrors();
        UUID integration = QueryParams.uuid(errors, "integration_id", integrationId);
        JobStatus jobStatus = QueryParams.parse(errors, "status", status, JobStatus::fromDb,
                "one of " + QueryParams.names(JobStatus.values()));
        JobKind jobKind = QueryParams.parse(errors, "kind", kind, JobKind::fromDb,
                "one of " + QueryParams.names(JobKind.values()));
        String entity = QueryParams.text(errors, "entity_type", entityType);
        int size = QueryParams.bounded(errors, "limit", limit, 1, JobQuery.MAX_LIMIT, DEFAULT_LIMIT);
        JobQuery.Cursor position = position(errors, cursor);
        UUID beforeId = QueryParams.parse(errors, "before", before, UUID::fromString, "a job id");
        UUID tenant = QueryParams.uuid(errors, "tenant_id", tenantId);
        errors.throwIfAny();
        if (!caller.isAdmin()) {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return new JobListResponse(List.of(), null);
            }
            tenant = caller.tenantId();
        }
        List<Job> page = jobs.list(new JobQuery(tenant, integration, jobStatus, jobKind, entity, beforeId, position,
                size));
        String next = page.size() < size ? null
                : Cursors.encode(page.get(page.size() - 1).createdAt(), page.get(page.size() - 1).id());
        return new JobListResponse(page.stream().map(JobResponse::summary).toList(), next);
    }

    /** Jobs created in the last {@code hours} hours (1 to 744, default 24) by hour and status. */
    @GetMapping("/stats")
    public JobStatsResponse stats(Caller caller, @RequestParam(required = false) String hours,
            @RequestParam(name = "tenant_id", required = false) String tenantId) {
        FieldErrors errors = new FieldErrors();
        int window = QueryParams.bounded(errors, "hours", hours, 1, JobHistory.MAX_HOURS, DEFAULT_HOURS);
        UUID tenant = QueryParams.uuid(errors, "tenant_id", tenantId);
        errors.throwIfAny();
        if (!caller.isAdmin()) {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return new JobStatsResponse(List.of());
            }
            tenant = caller.tenantId();
        }
        return new JobStatsResponse(history.countsByHour(tenant, window).stream()
                .map(count -> new JobStatsResponse.Bucket(count.hour(), count.status(), count.count()))
                .toList());
    }

    /** Cancels a queued job at once, or asks a running job's worker to stop at the next page. */
    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobResponse cancel(Caller caller, @PathVariable UUID id) {
        return JobResponse.summary(actions.cancel(caller, id));
    }

    /** Enqueues a failed or dead job again as a new job whose parent is the failed one. */
    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public JobResponse retry(Caller caller, @PathVariable UUID id) {
        return JobResponse.summary(actions.retry(caller, id));
    }

    private static JobQuery.Cursor position(FieldErrors errors, String cursor) {
        List<String> parts = Cursors.decode(errors, cursor, 2);
        if (parts == null) {
            return null;
        }
        try {
            return new JobQuery.Cursor(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (RuntimeException e) {
            errors.add("cursor", "is not a cursor this API returned; pass next_cursor from the previous page");
            return null;
        }
    }
}
