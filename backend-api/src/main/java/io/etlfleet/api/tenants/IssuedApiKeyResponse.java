package io.etlfleet.api.tenants;

import java.util.UUID;

/** Answer to {@code POST /api/v1/tenants/{id}/api-keys}: the new key, shown this once. */
public record IssuedApiKeyResponse(UUID id, String apiKey, String prefix) {

    @Override
    public String toString() {
        return "IssuedApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
    }
}
