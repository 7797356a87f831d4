package io.etlfleet.api.jobs;

import java.util.List;

/** {@code GET /jobs/{id}/rejections}: the first {@code limit} rejections and how many there are. */
public record RejectionListResponse(List<RejectionResponse> items, long total) {
}
