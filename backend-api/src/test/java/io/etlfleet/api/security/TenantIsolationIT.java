package io.etlfleet.api.security;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TenantIsolationIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;

    private ApiClient api;
    private TenantWithKey tenantA;
    private TenantWithKey tenantB;
    private String integrationA;
    private String jobA;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("isolation");
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
    void twoTenantsWhereOnlyAHasData() {
        api = new ApiClient(port);
        tenantA = aTenant(api);
        tenantB = aTenant(api);
        integrationA = aGithubIntegration(api, tenantA);
        jobA = anExtractJob(api, tenantA, integrationA);
    }

    @Test
    void anotherTenantsIntegrationAnswersNotFound() {
        ApiClient.Response response = api.get("/api/v1/integrations/" + integrationA, tenantB.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("acme/app").doesNotContain(tenantA.id());
        assertThat(api.get("/api/v1/integrations/" + integrationA, tenantA.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsJobAnswersNotFound() {
        ApiClient.Response response = api.get("/api/v1/jobs/" + jobA, tenantB.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(integrationA);
        assertThat(api.get("/api/v1/jobs/" + jobA, tenantA.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void extractingFromAnotherTenantsIntegrationAnswersNotFoundNamingTheField() {
        ApiClient.Response response = api.post("/api/v1/extractions", tenantB.apiKey(),
                "{\"integration_id\":\"" + integrationA + "\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("field")).isEqualTo("integration_id");
    }

    @Test
    void aTenantsListsHoldOnlyItsOwnIntegrationsAndJobs() {
        String integrationB = aGithubIntegration(api, tenantB);
        String jobB = anExtractJob(api, tenantB, integrationB);

        assertThat(ids(api.get("/api/v1/jobs", tenantB.apiKey()), "jobs")).contains(jobB).doesNotContain(jobA);
        assertThat(ids(api.get("/api/v1/jobs?integration_id=" + integrationA, tenantB.apiKey()), "jobs")).isEmpty();
        assertThat(ids(api.get("/api/v1/integrations", tenantB.apiKey()), "integrations"))
                .containsExactly(integrationB);
    }

    @Test
    void aTenantCannotReadAnotherTenant() {
        assertThat(api.get("/api/v1/tenants/" + tenantA.id(), tenantB.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + tenantB.id(), tenantB.apiKey()).text("id")).isEqualTo(tenantB.id());
    }

    @Test
    void anAdminSeesEveryTenantsIntegrationsAndJobs() {
        String integrationB = aGithubIntegration(api, tenantB);
        String jobB = anExtractJob(api, tenantB, integrationB);

        assertThat(api.get("/api/v1/jobs/" + jobA, TestBackend.ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/integrations/" + integrationB, TestBackend.ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(ids(api.get("/api/v1/jobs?limit=500", TestBackend.ADMIN_TOKEN), "jobs")).contains(jobA, jobB);
        assertThat(ids(api.get("/api/v1/integrations", TestBackend.ADMIN_TOKEN), "integrations"))
                .contains(integrationA, integrationB);
    }

    private static List<String> ids(ApiClient.Response response, String listField) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get(listField).valueStream().map(node -> node.get("id").asString()).toList();
    }
}
