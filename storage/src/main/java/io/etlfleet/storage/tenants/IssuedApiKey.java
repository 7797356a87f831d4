package io.etlfleet.storage.tenants;

import java.util.UUID;

/**
 * A key just created. {@link #plainKey()} exists only here, to be shown to its owner once;
 * the store keeps its hash. {@link #toString()} shows the prefix only.
 */
public record IssuedApiKey(UUID id, UUID tenantId, ApiKeyRole role, String prefix, String plainKey) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", tenantId=" + tenantId + ", role=" + role + ", prefix=" + prefix + "]";
    }
}
