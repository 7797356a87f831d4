package io.etlfleet.api.security;

import io.etlfleet.api.errors.ApiException;
import java.util.UUID;

/**
 * Who is calling the API, resolved from the bearer key. Controllers take it as a parameter.
 *
 * @param keyId    the API key's id; null for the bootstrap admin token
 * @param tenantId the caller's tenant; null for admins, who see every tenant
 */
public record Caller(UUID keyId, UUID tenantId) {

    public static Caller admin(UUID keyId) {
        return new Caller(keyId, null);
    }

    public static Caller tenant(UUID keyId, UUID tenantId) {
        return new Caller(keyId, tenantId);
    }

    public boolean isAdmin() {
        return tenantId == null;
    }

    /** @throws ApiException 403 for tenant keys */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw ApiException.forbidden("this operation needs an admin key");
        }
    }

    /** Whether the caller may see what belongs to {@code ownerTenantId}. */
    public boolean canSee(UUID ownerTenantId) {
        return isAdmin() || tenantId.equals(ownerTenantId);
    }
}
