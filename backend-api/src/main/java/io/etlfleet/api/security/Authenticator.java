package io.etlfleet.api.security;

import io.etlfleet.storage.tenants.ApiKeyStore;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves a bearer key to a {@link Caller}: the bootstrap admin token from
 * {@code ETL_ADMIN_TOKEN}, or a key stored in {@code etl.api_keys}.
 */
public class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private final ApiKeyStore keys;
    private final byte[] adminTokenHash;

    public Authenticator(ApiKeyStore keys, String adminToken) {
        this.keys = keys;
        if (adminToken == null || adminToken.isBlank()) {
            this.adminTokenHash = null;
            log.warn("ETL_ADMIN_TOKEN is not set: no bootstrap admin token is accepted, so tenants cannot be created "
                    + "through the API. Set ETL_ADMIN_TOKEN to a long random value (openssl rand -hex 32).");
        } else {
            this.adminTokenHash = ApiKeyStore.hash(adminToken);
        }
    }

    public Optional<Caller> authenticate(String bearer) {
        if (bearer == null || bearer.isBlank()) {
            return Optional.empty();
        }
        if (adminTokenHash != null && MessageDigest.isEqual(adminTokenHash, ApiKeyStore.hash(bearer))) {
            return Optional.of(Caller.admin(null));
        }
        return keys.authenticate(bearer).map(principal -> principal.isAdmin()
                ? Caller.admin(principal.keyId())
                : Caller.tenant(principal.keyId(), principal.tenantId()));
    }
}
