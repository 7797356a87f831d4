package io.etlfleet.api.tenants;

import java.util.UUID;

/**
 * Answer to {@code POST /api/v1/tenants}: the tenant and its first API key, shown this once.
 *
 * @param apiKeyPrefix what key listings show for this key
 */
public record CreatedTenantResponse(UUID id, String name, String apiKey, String apiKeyPrefix) {

    @Override
    public String toString() {
        return "CreatedTenantResponse[id=" + id + ", name=" + name + ", apiKeyPrefix=" + apiKeyPrefix + "]";
    }
}
