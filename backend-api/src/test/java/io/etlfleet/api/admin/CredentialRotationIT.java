package io.etlfleet.api.admin;

import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.crypto.MasterKey;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.integrations.NewIntegration;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app runs with a current master key and a previous one, as after a rotation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class CredentialRotationIT {

    private static final String PREVIOUS_KEY = randomKey();
    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private IntegrationStore integrations;
    @Autowired
    private CredentialCipher cipher;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("rotation");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestBackend.register(registry, () -> backend);
        registry.add("etl.previous-master-keys", () -> PREVIOUS_KEY);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void reEncryptsCredentialsStoredUnderThePreviousKeyWithTheCurrentOne() {
        ApiClient api = new ApiClient(port);
        TenantWithKey tenant = aTenant(api);
        IntegrationStore beforeRotation = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.fromBase64(PREVIOUS_KEY)));
        Integration old = beforeRotation.create(new NewIntegration(UUID.fromString(tenant.id()), "github", "old",
                "{\"repositories\":[\"a/b\"]}", Map.of("token", "ghp_old")));
        String previousId = MasterKey.fromBase64(PREVIOUS_KEY).id();
        assertThat(keyIdOf(old.id())).isEqualTo(previousId);

        ApiClient.Response tenantTry = api.post("/api/v1/admin/credentials/re-encrypt", tenant.apiKey(), "");
        ApiClient.Response rotated = api.post("/api/v1/admin/credentials/re-encrypt", TestBackend.ADMIN_TOKEN, "");

        assertThat(tenantTry.status()).isEqualTo(403);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().path("reencrypted").asInt()).isEqualTo(1);
        assertThat(rotated.text("current_key_id")).isEqualTo(cipher.currentKeyId()).isNotEqualTo(previousId);
        assertThat(keyIdOf(old.id())).isEqualTo(cipher.currentKeyId());
        assertThat(integrations.credentials(old)).containsEntry("token", "ghp_old");
        assertThat(api.post("/api/v1/admin/credentials/re-encrypt", TestBackend.ADMIN_TOKEN, "").json()
                .path("reencrypted").asInt()).isZero();
    }

    private String keyIdOf(UUID integration) {
        return jdbi.withHandle(h -> h.createQuery("select credentials_key_id from etl.integrations where id = :id")
                .bind("id", integration).mapTo(String.class).one());
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
