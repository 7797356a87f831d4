package io.etlfleet.api.integrations;

import java.util.List;

/** Answer to {@code GET /api/v1/integrations}. */
public record IntegrationListResponse(List<IntegrationResponse> integrations) {
}
