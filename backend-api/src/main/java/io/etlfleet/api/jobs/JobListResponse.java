package io.etlfleet.api.jobs;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/jobs}: newest first, without children.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record JobListResponse(List<JobResponse> jobs, String nextCursor) {
}
