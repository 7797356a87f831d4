package io.etlfleet.storage.tenants;

import java.util.Objects;
import java.util.UUID;

/**
 * Who an authenticated API key speaks for.
 *
 * @param keyId    the key's row id; null for the bootstrap admin token from the environment
 * @param tenantId the tenant of a tenant key; null for admin keys
 */
public record ApiKeyPrincipal(UUID keyId, UUID tenantId, ApiKeyRole role) {

    public ApiKeyPrincipal {
        Objects.requireNonNull(role, "role");
        if ((role == ApiKeyRole.ADMIN) != (tenantId == null)) {
            throw new IllegalArgumentException("admin keys have no tenant; tenant keys have one");
        }
    }

    public static ApiKeyPrincipal admin(UUID keyId) {
        return new ApiKeyPrincipal(keyId, null, ApiKeyRole.ADMIN);
    }

    public static ApiKeyPrincipal tenant(UUID keyId, UUID tenantId) {
        return new ApiKeyPrincipal(keyId, tenantId, ApiKeyRole.TENANT);
    }

    public boolean isAdmin() {
        return role == ApiKeyRole.ADMIN;
    }
}
