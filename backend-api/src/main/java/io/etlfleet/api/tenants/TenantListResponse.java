package io.etlfleet.api.tenants;

import java.util.List;

/** Answer to {@code GET /api/v1/tenants}. */
public record TenantListResponse(List<TenantResponse> tenants) {
}
