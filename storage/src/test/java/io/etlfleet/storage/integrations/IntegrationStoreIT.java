package io.etlfleet.storage.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.Storage;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.crypto.CredentialCipherException;
import io.etlfleet.storage.crypto.MasterKey;
import io.etlfleet.storage.tenants.DuplicateNameException;
import io.etlfleet.storage.tenants.TenantStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class IntegrationStoreIT {

    private static final String TOKEN = "ghp_storeItToken0123456789";
    private static final String CONFIG = "{\"base_url\": \"https://api.github.com\", \"repositories\": [\"acme/app\"]}";

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static TenantStore tenants;
    private static MasterKey key;
    private static IntegrationStore integrations;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("integration_store");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        tenants = new TenantStore(jdbi);
        key = randomKey();
        integrations = new IntegrationStore(jdbi, new CredentialCipher(key));
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void storesCredentialsEncryptedAndDecryptsThemOnRequest() {
        Integration created = integrations.create(aGithubIntegration(newTenant(), "github"));

        byte[] stored = jdbi.withHandle(h -> h.createQuery("select credentials from etl.integrations where id = :id")
                .bind("id", created.id()).mapTo(byte[].class).one());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
        String keyId = jdbi.withHandle(h -> h.createQuery("select credentials_key_id from etl.integrations where id = :id")
                .bind("id", created.id()).mapTo(String.class).one());
        assertThat(keyId).isEqualTo(key.id());
        assertThat(integrations.credentials(created)).isEqualTo(Map.of("token", TOKEN));
    }

    @Test
    void findsAnIntegrationForWorkersWhateverItsTenant() {
        UUID tenant = newTenant();
        Integration created = integrations.create(aGithubIntegration(tenant, "github"));

        assertThat(integrations.find(created.id())).contains(created);
        assertThat(created.tenantId()).isEqualTo(tenant);
        assertThat(created.type()).isEqualTo("github");
        assertThat(created.enabled()).isTrue();
        assertThat(created.configJson()).contains("\"repositories\"", "acme/app");
    }

    @Test
    void hidesAnotherTenantsIntegration() {
        UUID owner = newTenant();
        UUID stranger = newTenant();
        Integration created = integrations.create(aGithubIntegration(owner, "github"));

        assertThat(integrations.findForTenant(owner, created.id())).contains(created);
        assertThat(integrations.findForTenant(stranger, created.id())).isEmpty();
        assertThat(integrations.list(stranger)).isEmpty();
    }

    @Test
    void listsATenantsIntegrationsByName() {
        UUID tenant = newTenant();
        Integration second = integrations.create(aGithubIntegration(tenant, "b-github"));
        Integration first = integrations.create(aGithubIntegration(tenant, "a-github"));

        assertThat(integrations.list(tenant)).containsExactly(first, second);
        assertThat(integrations.listAll()).contains(first, second);
    }

    @Test
    void refusesASecondIntegrationWithTheSameNameInOneTenant() {
        UUID tenant = newTenant();
        integrations.create(aGithubIntegration(tenant, "github"));

        assertThatThrownBy(() -> integrations.create(aGithubIntegration(tenant, "github")))
                .isInstanceOf(DuplicateNameException.class);
        assertThat(integrations.create(aGithubIntegration(newTenant(), "github"))).isNotNull();
    }

    @Test
    void turnsAnIntegrationOff() {
        Integration created = integrations.create(aGithubIntegration(newTenant(), "github"));

        assertThat(integrations.setEnabled(created.id(), false)).isTrue();

        assertThat(integrations.find(created.id())).hasValueSatisfying(found -> assertThat(found.enabled()).isFalse());
    }

    @Test
    void refusesCredentialsMovedOntoAnotherIntegration() {
        UUID tenant = newTenant();
        Integration source = integrations.create(aGithubIntegration(tenant, "source"));
        Integration target = integrations.create(aGithubIntegration(tenant, "target"));
        jdbi.useHandle(h -> h.createUpdate("""
                        update etl.integrations set credentials = (select credentials from etl.integrations where id = :source)
                         where id = :target""")
                .bind("source", source.id()).bind("target", target.id()).execute());

        assertThatThrownBy(() -> integrations.credentials(target)).isInstanceOf(CredentialCipherException.class);
    }

    @Test
    void decryptsWithTheKeyThatEncryptedAfterRotationAndReencryptsOnRequest() {
        Integration created = integrations.create(aGithubIntegration(newTenant(), "rotated"));
        MasterKey newKey = randomKey();
        IntegrationStore rotated = new IntegrationStore(jdbi, new CredentialCipher(newKey, List.of(key)));

        assertThat(rotated.credentials(created)).isEqualTo(Map.of("token", TOKEN));
        assertThat(rotated.reencryptWithCurrentKey()).isPositive();

        IntegrationStore newKeyOnly = new IntegrationStore(jdbi, new CredentialCipher(newKey));
        assertThat(newKeyOnly.credentials(created)).isEqualTo(Map.of("token", TOKEN));
    }

    @Test
    void neverShowsCredentialsInToString() {
        assertThat(aGithubIntegration(UUID.randomUUID(), "github").toString()).contains("token").doesNotContain(TOKEN);
    }

    private static NewIntegration aGithubIntegration(UUID tenantId, String name) {
        return new NewIntegration(tenantId, "github", name, CONFIG, Map.of("token", TOKEN));
    }

    private static UUID newTenant() {
        return tenants.create("tenant-" + UUID.randomUUID()).id();
    }

    private static MasterKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return MasterKey.fromBase64(Base64.getEncoder().encodeToString(bytes));
    }
}
