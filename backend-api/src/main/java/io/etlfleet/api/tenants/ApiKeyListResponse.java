package io.etlfleet.api.tenants;

import java.util.List;

/** Answer to {@code GET /api/v1/tenants/{id}/api-keys}. */
public record ApiKeyListResponse(List<ApiKeyResponse> apiKeys) {
}
