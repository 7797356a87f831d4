package io.etlfleet.storage.tenants;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored API key as listed: never the key itself, only the prefix that lets a user tell
 * their keys apart.
 *
 * @param tenantId  null for admin keys
 * @param revokedAt null while the key is usable
 */
public record ApiKey(UUID id, UUID tenantId, ApiKeyRole role, String prefix, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
