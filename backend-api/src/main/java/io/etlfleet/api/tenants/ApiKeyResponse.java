package io.etlfleet.api.tenants;

import io.etlfleet.storage.tenants.ApiKey;
import java.time.Instant;
import java.util.UUID;

/** An API key as listings show it: its prefix, never the key. */
public record ApiKeyResponse(UUID id, String prefix, String role, Instant createdAt, Instant revokedAt) {

    public static ApiKeyResponse of(ApiKey key) {
        return new ApiKeyResponse(key.id(), key.prefix(), key.role().dbValue(), key.createdAt(), key.revokedAt());
    }
}
