package io.etlfleet.storage.integrations;

import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.crypto.CredentialCipherException;
import io.etlfleet.storage.crypto.EncryptedCredentials;
import io.etlfleet.storage.tenants.DuplicateNameException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@code etl.integrations}. Credentials are encrypted with the
 * {@link CredentialCipher} on the way in, bound to the integration's id, and only
 * {@link #credentials(Integration)} decrypts them. Extract workers rely on
 * {@link #find(UUID)} and {@link #credentials(Integration)}.
 */
public class IntegrationStore {

    private static final Logger log = LoggerFactory.getLogger(IntegrationStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = """
            id, tenant_id, type, name, config::text as config, enabled, created_at, updated_at""";
    private static final RowMapper<Integration> MAPPER = (rs, ctx) -> new Integration(
            rs.getObject("id", UUID.class),
            rs.getObject("tenant_id", UUID.class),
            rs.getString("type"),
            rs.getString("name"),
            rs.getString("config"),
            rs.getBoolean("enabled"),
            rs.getObject("created_at", Timestamp.class).toInstant(),
            rs.getObject("updated_at", Timestamp.class).toInstant());

    private final Jdbi jdbi;
    private final CredentialCipher cipher;

    public IntegrationStore(Jdbi jdbi, CredentialCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /** @throws DuplicateNameException when the tenant already has an integration of that name */
    public Integration create(NewIntegration integration) {
        UUID id = UUID.randomUUID();
        EncryptedCredentials encrypted = cipher.encrypt(integration.credentials(), id.toString());
        return jdbi.withHandle(h -> h.createQuery("""
                        insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                        values (:id, :tenantId, :type, :name, cast(:config as jsonb), :credentials, :keyId)
                        on conflict (tenant_id, name) where deleted_at is null do nothing
                        returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("tenantId", integration.tenantId())
                .bind("type", integration.type())
                .bind("name", integration.name())
                .bind("config", integration.configJson())
                .bind("credentials", encrypted.ciphertext())
                .bind("keyId", encrypted.keyId())
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new DuplicateNameException(
                        "this tenant already has an integration named '" + integration.name() + "'")));
    }

    /** Any tenant's integration; for workers, which act on behalf of the job's tenant. */
    public Optional<Integration> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Integration> find(Handle handle, UUID id) {
        return handle.createQuery("select " + COLUMNS + " from etl.integrations where id = :id and deleted_at is null")
                .bind("id", id)
                .map(MAPPER)
                .findOne();
    }

    /** The integration if it belongs to {@code tenantId}; empty otherwise, so callers answer 404. */
    public Optional<Integration> findForTenant(UUID tenantId, UUID id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from etl.integrations where id = :id and tenant_id = :tenantId and deleted_at is null")
                .bind("id", id)
                .bind("tenantId", tenantId)
                .map(MAPPER)
                .findOne());
    }

    /** A tenant's integrations by name. */
    public List<Integration> list(UUID tenantId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from etl.integrations where tenant_id = :tenantId and deleted_at is null order by name, id")
                .bind("tenantId", tenantId)
                .map(MAPPER)
                .list());
    }

    /** Every integration, by tenant and name; for admins. */
    public List<Integration> listAll() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS
                        + " from etl.integrations where deleted_at is null order by tenant_id, name, id")
                .map(MAPPER)
                .list());
    }

    /** Turns an integration on or off; false when it does not exist. */
    public boolean setEnabled(UUID id, boolean enabled) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update etl.integrations set enabled = :enabled, updated_at = now()
                         where id = :id and deleted_at is null""")
                .bind("id", id)
                .bind("enabled", enabled)
                .execute()) == 1;
    }

    /**
     * One page of integrations by name: a tenant's, or every tenant's when {@code tenantId} is
     * null, after the ({@code afterName}, {@code afterId}) position when given.
     */
    public List<Integration> page(UUID tenantId, String afterName, UUID afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.integrations
                        where deleted_at is null
                          and (cast(:tenantId as uuid) is null or tenant_id = :tenantId)
                          and (cast(:afterName as text) is null or (name, id) > (:afterName, :afterId))
                        order by name, id
                        limit :limit""")
                .bind("tenantId", tenantId)
                .bind("afterName", afterName)
                .bind("afterId", afterId)
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    /**
     * Changes what {@code change} sets (null fields stay as they are); credentials are
     * re-encrypted under the current key. Empty when the integration does not exist.
     *
     * @throws DuplicateNameException when the tenant has another integration of the new name
     */
    public Optional<Integration> update(UUID id, IntegrationChange change) {
        EncryptedCredentials encrypted = change.credentials() == null ? null
                : cipher.encrypt(change.credentials(), id.toString());
        try {
            return jdbi.withHandle(h -> h.createQuery("""
                            update etl.integrations
                               set name = coalesce(cast(:name as text), name),
                                   config = coalesce(cast(:config as jsonb), config),
                                   credentials = coalesce(cast(:credentials as bytea), credentials),
                                   credentials_key_id = coalesce(cast(:keyId as text), credentials_key_id),
                                   updated_at = now()
                             where id = :id and deleted_at is null
                            returning\s""" + COLUMNS)
                    .bind("id", id)
                    .bind("name", change.name())
                    .bind("config", change.configJson())
                    .bind("credentials", encrypted == null ? null : encrypted.ciphertext())
                    .bind("keyId", encrypted == null ? null : encrypted.keyId())
                    .map(MAPPER)
                    .findOne());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw new DuplicateNameException("this tenant already has an integration named '" + change.name() + "'");
            }
            throw e;
        }
    }

    /**
     * Deletes an integration for the API and the workers: it is disabled and hidden, and its
     * name is free again. The row stays, since jobs and raw data refer to it. False when it
     * does not exist.
     */
    public boolean delete(UUID id) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        update etl.integrations set deleted_at = now(), enabled = false, updated_at = now()
                         where id = :id and deleted_at is null""")
                .bind("id", id)
                .execute()) == 1;
    }

    /**
     * The decrypted credentials of {@code integration}. Hand them to a connector; never log them.
     *
     * @throws IllegalArgumentException when the integration no longer exists
     * @throws io.etlfleet.storage.crypto.CredentialCipherException when the key that encrypted
     *         them is not configured or the stored bytes were altered
     */
    public Map<String, String> credentials(Integration integration) {
        EncryptedCredentials encrypted = jdbi.withHandle(h -> h.createQuery("""
                        select credentials, credentials_key_id from etl.integrations where id = :id and deleted_at is null""")
                .bind("id", integration.id())
                .map((rs, ctx) -> new EncryptedCredentials(rs.getString("credentials_key_id"), rs.getBytes("credentials")))
                .findOne())
                .orElseThrow(() -> new IllegalArgumentException("integration " + integration.id() + " does not exist"));
        return cipher.decrypt(encrypted, integration.id().toString());
    }

    /**
     * Re-encrypts credentials stored under a previous master key with the current one, so the
     * previous key can be retired. Rows that do not decrypt are left as they are and logged.
     * Returns how many integrations were re-encrypted.
     */
    public int reencryptWithCurrentKey() {
        return jdbi.inTransaction(h -> h.createQuery("""
                        select id, credentials, credentials_key_id from etl.integrations
                         where credentials_key_id <> :current for update""")
                .bind("current", cipher.currentKeyId())
                .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class),
                        new EncryptedCredentials(rs.getString("credentials_key_id"), rs.getBytes("credentials"))))
                .list()
                .stream()
                .mapToInt(row -> reencrypt(h, row.getKey(), row.getValue()))
                .sum());
    }

    private int reencrypt(Handle handle, UUID id, EncryptedCredentials stored) {
        String context = id.toString();
        EncryptedCredentials fresh;
        try {
            fresh = cipher.encrypt(cipher.decrypt(stored, context), context);
        } catch (CredentialCipherException e) {
            log.warn("Integration {} keeps its credentials under key {}: {}", id, stored.keyId(), e.getMessage());
            return 0;
        }
        return handle.createUpdate("""
                        update etl.integrations set credentials = :credentials, credentials_key_id = :keyId,
                               updated_at = now()
                         where id = :id""")
                .bind("id", id)
                .bind("credentials", fresh.ciphertext())
                .bind("keyId", fresh.keyId())
                .execute();
    }
}
