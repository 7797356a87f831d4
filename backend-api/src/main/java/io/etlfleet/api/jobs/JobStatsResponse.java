package io.etlfleet.api.jobs;

import java.time.Instant;
import java.util.List;

/** Answer to {@code GET /api/v1/jobs/stats}: job counts by creation hour (UTC) and current status. */
public record JobStatsResponse(List<Bucket> buckets) {

    public record Bucket(Instant hour, String status, long count) {
    }
}
