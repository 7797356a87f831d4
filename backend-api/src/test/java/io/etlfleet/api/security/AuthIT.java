package io.etlfleet.api.security;

import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.tenants.ApiKeyStore;
import io.etlfleet.storage.tenants.IssuedApiKey;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AuthIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private ApiKeyStore keys;

    private ApiClient api;
    private TenantWithKey tenant;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("auth");
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

    @BeforeEach
    void aTenantWithAKey() {
        api = new ApiClient(port);
        tenant = aTenant(api);
    }

    @Test
    void refusesARequestWithoutABearerKeyAsUnauthorized() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                api.request("/api/v1/integrations", null).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(ApiClient.JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void refusesUnknownKeysAndOtherSchemesAsUnauthorized() {
        assertUnauthorized(api.get("/api/v1/jobs", "etl_" + UUID.randomUUID()));
        assertUnauthorized(api.get("/api/v1/jobs", "not-even-a-key"));
        assertUnauthorized(api.send(api.request("/api/v1/jobs", null)
                .header("Authorization", "Basic " + tenant.apiKey()).GET()));
    }

    @Test
    void refusesARevokedKeyAsUnauthorized() {
        IssuedApiKey key = keys.createTenantKey(UUID.fromString(tenant.id()));
        assertThat(api.get("/api/v1/jobs", key.plainKey()).status()).isEqualTo(200);

        keys.revoke(key.id());

        assertUnauthorized(api.get("/api/v1/jobs", key.plainKey()));
    }

    @Test
    void requiresAKeyEvenForPathsThatDoNotExist() {
        assertUnauthorized(api.get("/api/v1/nothing-here", null));

        ApiClient.Response missing = api.get("/api/v1/nothing-here", tenant.apiKey());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesTenantKeysOnAdminOperationsAsForbidden() {
        ApiClient.Response create = api.post("/api/v1/tenants", tenant.apiKey(), "{\"name\":\"sneaky\"}");
        ApiClient.Response list = api.get("/api/v1/tenants", tenant.apiKey());

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(list.status()).isEqualTo(403);
    }

    @Test
    void acceptsTheAdminTokenAndStoredAdminKeys() {
        IssuedApiKey adminKey = keys.createAdminKey();

        assertThat(api.get("/api/v1/tenants", TestBackend.ADMIN_TOKEN).status()).isEqualTo(200);
        ApiClient.Response listed = api.get("/api/v1/tenants", adminKey.plainKey());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("tenants").valueStream().map(t -> t.get("id").asString())).contains(tenant.id());
    }

    @Test
    void showsANewTenantsKeyOnceAndLetsItReadItsTenant() {
        ApiClient.Response created = api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"once\"}");

        assertThat(created.status()).isEqualTo(201);
        String key = created.text("api_key");
        assertThat(key).startsWith("etl_");
        assertThat(created.text("api_key_prefix")).isEqualTo(key.substring(0, 8));
        ApiClient.Response self = api.get("/api/v1/tenants/" + created.text("id"), key);
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.body()).doesNotContain(key);
        assertThat(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"once\"}").status()).isEqualTo(409);
    }

    @Test
    void letsATenantIssueListAndRevokeItsOwnKeys() {
        String keysPath = "/api/v1/tenants/" + tenant.id() + "/api-keys";
        ApiClient.Response issued = api.post(keysPath, tenant.apiKey(), "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String newKey = issued.text("api_key");

        ApiClient.Response listed = api.get(keysPath, newKey);
        assertThat(listed.json().get("api_keys").valueStream().map(key -> key.get("prefix").asString()))
                .containsExactlyInAnyOrder(tenant.apiKey().substring(0, 8), newKey.substring(0, 8));
        assertThat(listed.body()).doesNotContain(newKey).doesNotContain(tenant.apiKey());

        ApiClient.Response revoked = api.send(api.request(keysPath + "/" + issued.text("id"), tenant.apiKey()).DELETE());
        assertThat(revoked.status()).isEqualTo(204);
        assertUnauthorized(api.get(keysPath, newKey));
    }

    @Test
    void hidesAnotherTenantsKeys() {
        TenantWithKey other = aTenant(api);

        assertThat(api.get("/api/v1/tenants/" + other.id() + "/api-keys", tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tenants/" + other.id() + "/api-keys", tenant.apiKey(), "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + other.id() + "/api-keys", TestBackend.ADMIN_TOKEN).status())
                .isEqualTo(200);
    }

    @Test
    void servesHealthAndMetricsWithoutAKey() {
        ApiClient.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        ApiClient.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(200);
    }

    private static void assertUnauthorized(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).startsWith("urn:etl-fleet:problem:");
    }
}
