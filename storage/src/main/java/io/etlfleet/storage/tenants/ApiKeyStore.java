package io.etlfleet.storage.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Issues, authenticates and revokes API keys in {@code etl.api_keys}. A key is
 * {@value #KEY_PREFIX} followed by 32 random bytes in base64url; only its SHA-256 hash and
 * a short prefix (e.g. {@code etl_ab12}) are stored.
 */
public class ApiKeyStore {

    public static final String KEY_PREFIX = "etl_";

    private static final int KEY_BYTES = 32;
    private static final int SHOWN_CHARS = 4;
    private static final RowMapper<ApiKey> MAPPER = (rs, ctx) -> new ApiKey(
            rs.getObject("id", UUID.class),
            rs.getObject("tenant_id", UUID.class),
            ApiKeyRole.fromDb(rs.getString("role")),
            rs.getString("key_prefix"),
            instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("revoked_at")));

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public IssuedApiKey createTenantKey(UUID tenantId) {
        return jdbi.inTransaction(h -> createTenantKey(h, tenantId));
    }

    /** Issues a key for {@code tenantId} in the caller's transaction (e.g. with the tenant itself). */
    public IssuedApiKey createTenantKey(Handle handle, UUID tenantId) {
        return issue(handle, tenantId, ApiKeyRole.TENANT);
    }

    public IssuedApiKey createAdminKey() {
        return jdbi.inTransaction(h -> issue(h, null, ApiKeyRole.ADMIN));
    }

    /** The principal of a usable key; empty for unknown, malformed or revoked keys. */
    public Optional<ApiKeyPrincipal> authenticate(String plainKey) {
        if (plainKey == null || !plainKey.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, tenant_id, role from etl.api_keys
                         where key_hash = :hash and revoked_at is null""")
                .bind("hash", hash(plainKey))
                .map((rs, ctx) -> new ApiKeyPrincipal(rs.getObject("id", UUID.class),
                        rs.getObject("tenant_id", UUID.class), ApiKeyRole.fromDb(rs.getString("role"))))
                .findOne());
    }

    /** Revokes a key; false when it is unknown or already revoked. */
    public boolean revoke(UUID keyId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update etl.api_keys set revoked_at = now() where id = :id and revoked_at is null""")
                .bind("id", keyId)
                .execute()) == 1;
    }

    /** A tenant's keys, revoked ones included, oldest first. */
    public List<ApiKey> list(UUID tenantId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, tenant_id, role, key_prefix, created_at, revoked_at from etl.api_keys
                         where tenant_id = :tenantId order by created_at, id""")
                .bind("tenantId", tenantId)
                .map(MAPPER)
                .list());
    }

    /** Admin keys, revoked ones included, oldest first. */
    public List<ApiKey> listAdminKeys() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, tenant_id, role, key_prefix, created_at, revoked_at from etl.api_keys
                         where role = 'admin' order by created_at, id""")
                .map(MAPPER)
                .list());
    }

    /** SHA-256 of the key's UTF-8 bytes: what {@code key_hash} holds. */
    public static byte[] hash(String plainKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private IssuedApiKey issue(Handle handle, UUID tenantId, ApiKeyRole role) {
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        String plainKey = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = plainKey.substring(0, KEY_PREFIX.length() + SHOWN_CHARS);
        UUID id = UUID.randomUUID();
        handle.createUpdate("""
                        insert into etl.api_keys (id, tenant_id, role, key_hash, key_prefix)
                        values (:id, :tenantId, :role, :hash, :prefix)""")
                .bind("id", id)
                .bind("tenantId", tenantId)
                .bind("role", role.dbValue())
                .bind("hash", hash(plainKey))
                .bind("prefix", prefix)
                .execute();
        return new IssuedApiKey(id, tenantId, role, prefix, plainKey);
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
