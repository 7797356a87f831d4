package io.etlfleet.api.workers;

import java.util.List;

public record WorkerListResponse(List<WorkerResponse> workers) {
}
