package io.etlfleet.api.ratelimits;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RateLimitIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private RateLimitBudgetRepository budgets;

    private ApiClient api;
    private TenantWithKey tenant;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("rate_limits");
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
    void showsTheBudgetsTheWorkersRecordedForTheIntegrationsCredential() {
        String integration = aGithubIntegration(api, tenant);
        Instant reset = Instant.now().plus(40, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        budgets.observe("fingerprint-" + integration, "core", UUID.fromString(integration), 5000, 4321, 679, reset);

        ApiClient.Response response = api.get("/api/v1/integrations/" + integration + "/rate-limit", tenant.apiKey());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode budget = response.json().get("budgets").get(0);
        assertThat(response.json().get("budgets")).hasSize(1);
        assertThat(budget.get("resource").asString()).isEqualTo("core");
        assertThat(budget.get("limit").asLong()).isEqualTo(5000);
        assertThat(budget.get("remaining").asLong()).isEqualTo(4321);
        assertThat(Instant.parse(budget.get("reset_at").asString())).isEqualTo(reset);
    }

    @Test
    void answersAnEmptyListBeforeTheSourceReportedAnyBudget() {
        String integration = aGithubIntegration(api, tenant);

        ApiClient.Response response = api.get("/api/v1/integrations/" + integration + "/rate-limit", tenant.apiKey());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("budgets")).isEmpty();
    }

    @Test
    void anotherTenantsIntegrationIsNotFound() {
        String integration = aGithubIntegration(api, tenant);
        TenantWithKey other = aTenant(api);

        ApiClient.Response response = api.get("/api/v1/integrations/" + integration + "/rate-limit", other.apiKey());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
