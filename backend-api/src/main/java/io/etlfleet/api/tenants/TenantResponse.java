package io.etlfleet.api.tenants;

import io.etlfleet.storage.tenants.Tenant;
import java.time.Instant;
import java.util.UUID;

/** A tenant as the API shows it. */
public record TenantResponse(UUID id, String name, Instant createdAt) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.name(), tenant.createdAt());
    }
}
