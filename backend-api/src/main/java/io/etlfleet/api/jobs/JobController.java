package io.etlfleet.api.jobs;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobQuery;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Extract and transform jobs of the caller's tenant; another tenant's job answers 404. */
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {

    static final int DEFAULT_LIMIT = 50;

    private final JobStore jobs;

    public JobController(JobStore jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    public JobResponse get(Caller caller, @PathVariable UUID id) {
        Job job = jobs.findForTenant(caller.tenantId(), id).orElseThrow(() -> ApiException.notFound("job", id));
        return JobResponse.of(job, jobs.children(job.id()));
    }

    /**
     * Lists jobs newest first. Filters: {@code integration_id}, {@code status}, {@code kind},
     * {@code entity_type}; {@code limit} (1 to 500, default 50); {@code before} (a job id: only
     * older jobs, for paging). Admins may add {@code tenant_id}.
     */
    @GetMapping
    public JobListResponse list(Caller caller,
            @RequestParam(name = "integration_id", required = false) String integrationId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(name = "entity_type", required = false) String entityType,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String before,
            @RequestParam(name = "tenant_id", required = false) String tenantId) {
        FieldErrors errors = new FieldErrors();
        UUID integration = parse(errors, "integration_id", integrationId, UUID::fromString, "a UUID");
        JobStatus jobStatus = parse(errors, "status", status, JobStatus::fromDb, "one of " + names(JobStatus.values()));
        JobKind jobKind = parse(errors, "kind", kind, JobKind::fromDb, "one of " + names(JobKind.values()));
        Integer size = parse(errors, "limit", limit, Integer::valueOf, "a whole number");
        if (size != null && (size < 1 || size > JobQuery.MAX_LIMIT)) {
            errors.add("limit", "must be between 1 and " + JobQuery.MAX_LIMIT);
        }
        UUID beforeId = parse(errors, "before", before, UUID::fromString, "a job id");
        UUID tenant = parse(errors, "tenant_id", tenantId, UUID::fromString, "a UUID");
        errors.throwIfAny();
        if (!caller.isAdmin()) {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return new JobListResponse(List.of());
            }
            tenant = caller.tenantId();
        }
        JobQuery query = new JobQuery(tenant, integration, jobStatus, jobKind,
                entityType == null || entityType.isBlank() ? null : entityType, beforeId,
                size == null ? DEFAULT_LIMIT : size);
        return new JobListResponse(jobs.list(query).stream().map(job -> JobResponse.of(job, null)).toList());
    }

    private static <T> T parse(FieldErrors errors, String field, String value, Function<String, T> parser,
            String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(field, "must be " + expected);
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
