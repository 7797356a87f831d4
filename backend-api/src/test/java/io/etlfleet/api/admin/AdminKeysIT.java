package io.etlfleet.api.admin;

import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AdminKeysIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("admin_keys");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestBackend.register(registry, () -> backend);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void anIssuedAdminKeyWorksIsListedByPrefixOnlyAndStopsWorkingOnceRevoked() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response issued = api.post("/api/v1/admin/api-keys", TestBackend.ADMIN_TOKEN, "");
        String key = issued.text("api_key");
        String id = issued.text("id");

        assertThat(issued.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/tenants", key).status()).isEqualTo(200);
        ApiClient.Response listed = api.get("/api/v1/admin/api-keys", key);
        assertThat(listed.json().path("api_keys").valueStream().map(k -> k.path("id").asString())).contains(id);
        assertThat(listed.body()).contains(issued.text("prefix")).doesNotContain(key);

        assertThat(api.send(api.request("/api/v1/admin/api-keys/" + id, TestBackend.ADMIN_TOKEN).DELETE()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/tenants", key).status()).isEqualTo(401);
        assertThat(api.send(api.request("/api/v1/admin/api-keys/" + id, TestBackend.ADMIN_TOKEN).DELETE()).status())
                .isEqualTo(404);
    }

    @Test
    void aTenantKeyCanNeitherIssueNorRevokeAdminKeys() {
        ApiClient api = new ApiClient(port);
        String tenantKey = aTenant(api).apiKey();

        assertThat(api.post("/api/v1/admin/api-keys", tenantKey, "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/api-keys", tenantKey).status()).isEqualTo(403);
    }
}
