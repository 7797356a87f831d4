package io.etlfleet.api.jobs;

import java.util.List;

/** Answer to {@code GET /api/v1/jobs}: newest first, without children. */
public record JobListResponse(List<JobResponse> jobs) {
}
