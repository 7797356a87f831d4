package io.etlfleet.api.integrations;

import static io.etlfleet.api.Fixtures.GITHUB_TOKEN;
import static io.etlfleet.api.Fixtures.aGithubIntegrationBody;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.integrations.IntegrationStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
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
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IntegrationsIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private IntegrationStore integrations;

    private ApiClient api;
    private TenantWithKey tenant;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("integrations");
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
    void createsAGithubIntegrationAndShowsItsConfigButNeverItsCredentials() {
        ApiClient.Response created = api.post("/api/v1/integrations", tenant.apiKey(), aGithubIntegrationBody("github"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("type").asString()).isEqualTo("github");
        assertThat(body.get("name").asString()).isEqualTo("github");
        assertThat(body.get("config").get("repositories").get(0).asString()).isEqualTo("acme/app");
        assertThat(body.has("credentials")).isFalse();
        assertThat(created.body()).doesNotContain(GITHUB_TOKEN);

        ApiClient.Response fetched = api.get("/api/v1/integrations/" + body.get("id").asString(), tenant.apiKey());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("config")).isEqualTo(body.get("config"));
        assertThat(fetched.body()).doesNotContain(GITHUB_TOKEN);
        assertThat(api.get("/api/v1/integrations", tenant.apiKey()).body()).doesNotContain(GITHUB_TOKEN);
    }

    @Test
    void storesCredentialsEncryptedSoTheDatabaseNeverHoldsTheToken() {
        String id = api.post("/api/v1/integrations", tenant.apiKey(), aGithubIntegrationBody("encrypted")).text("id");

        byte[] stored = jdbi.withHandle(h -> h.createQuery("select credentials from etl.integrations where id = :id")
                .bind("id", UUID.fromString(id)).mapTo(byte[].class).one());
        String row = jdbi.withHandle(h -> h.createQuery("select row_to_json(i)::text from etl.integrations i where id = :id")
                .bind("id", UUID.fromString(id)).mapTo(String.class).one());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(GITHUB_TOKEN);
        assertThat(row).doesNotContain(GITHUB_TOKEN);
        assertThat(integrations.credentials(integrations.find(UUID.fromString(id)).orElseThrow()))
                .isEqualTo(Map.of("token", GITHUB_TOKEN));
    }

    @Test
    void namesTheOffendingConfigField() {
        assertProblem(create("""
                {"type":"github","name":"bad-repo","config":{"repositories":["acme/app","not a repo"]},
                 "credentials":{"token":"t0ken"}}"""), 400, "config.repositories[1]");
        assertProblem(create("""
                {"type":"github","name":"no-repos","config":{"base_url":"https://api.github.com"},
                 "credentials":{"token":"t0ken"}}"""), 400, "config.repositories");
        assertProblem(create("""
                {"type":"github","name":"bad-url","config":{"base_url":"ftp:/x","repositories":["acme/app"]},
                 "credentials":{"token":"t0ken"}}"""), 400, "config.base_url");
        assertProblem(create("""
                {"type":"github","name":"no-token","config":{"repositories":["acme/app"]},"credentials":{}}"""),
                400, "credentials.token");
    }

    @Test
    void acceptsJiraAndRefusesUnknownTypesNamingTheType() {
        ApiClient.Response jira = create("""
                {"type":"jira","name":"jira","config":{"base_url":"https://x.atlassian.net","deployment":"cloud",
                 "projects":["ETL"]},"credentials":{"email":"a@b.c","api_token":"x"}}""");

        assertThat(jira.status()).isEqualTo(201);
        assertThat(jira.body()).doesNotContain("api_token");
        assertProblem(create("{\"type\":\"svn\",\"name\":\"x\",\"config\":{},\"credentials\":{}}"), 400, "type");
    }

    @Test
    void namesEveryMissingFieldAtOnce() {
        ApiClient.Response refused = create("{}");

        assertProblem(refused, 400, "type");
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("type", "name", "config", "credentials");
    }

    @Test
    void refusesASecondIntegrationWithTheSameNameWithConflict() {
        assertThat(create(aGithubIntegrationBody("twice")).status()).isEqualTo(201);

        assertProblem(create(aGithubIntegrationBody("twice")), 409, "name");
    }

    @Test
    void letsAnAdminCreateAnIntegrationOnlyForANamedTenant() {
        String body = aGithubIntegrationBody("by-admin");

        assertProblem(api.post("/api/v1/integrations", TestBackend.ADMIN_TOKEN, body), 400, "tenant_id");
        assertProblem(api.post("/api/v1/integrations", TestBackend.ADMIN_TOKEN,
                body.replaceFirst("\\{", "{\"tenant_id\":\"" + UUID.randomUUID() + "\",")), 404, "tenant_id");
        ApiClient.Response created = api.post("/api/v1/integrations", TestBackend.ADMIN_TOKEN,
                body.replaceFirst("\\{", "{\"tenant_id\":\"" + tenant.id() + "\","));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("tenant_id")).isEqualTo(tenant.id());
    }

    @Test
    void refusesATenantKeyNamingAnotherTenant() {
        TenantWithKey other = aTenant(api);

        assertProblem(create(aGithubIntegrationBody("elsewhere")
                .replaceFirst("\\{", "{\"tenant_id\":\"" + other.id() + "\",")), 400, "tenant_id");
    }

    private ApiClient.Response create(String body) {
        return api.post("/api/v1/integrations", tenant.apiKey(), body);
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).as(response.body()).isEqualTo(field);
        assertThat(response.body()).doesNotContain(GITHUB_TOKEN);
    }
}
