package io.etlfleet.api.tenants;

/** Body of {@code POST /api/v1/tenants}. */
public record CreateTenantRequest(String name) {
}
