package io.etlfleet.api.errors;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BadInputIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;

    private ApiClient api;
    private TenantWithKey tenant;
    private String integrationId;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("bad_input");
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
    void aTenantWithAnIntegration() {
        api = new ApiClient(port);
        tenant = aTenant(api);
        integrationId = aGithubIntegration(api, tenant);
    }

    @Test
    void refusesBrokenJsonWithoutEchoingIt() {
        ApiClient.Response refused = api.post("/api/v1/integrations", tenant.apiKey(),
                "{\"type\":\"github\",\"credentials\":{\"token\":\"ghp_leak\"");

        assertProblem(refused, 400, null);
        assertThat(refused.text("detail")).contains("not valid JSON");
        assertThat(refused.body()).doesNotContain("ghp_leak");
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"x\"} {"), 400, null);
    }

    @Test
    void namesFieldsOfTheWrongType() {
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":5}"), 400, "name");
        assertProblem(extraction("{\"integration_id\":42}"), 400, "integration_id");
        assertProblem(extraction("{\"integration_id\":\"not-a-uuid\"}"), 400, "integration_id");
        assertProblem(extraction("{\"integration_id\":\"%s\",\"entities\":\"github_issues\"}"), 400, "entities");
        assertProblem(extraction("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\",7]}"), 400, "entities[1]");
        assertProblem(extraction("{\"integration_id\":\"%s\",\"mode\":true}"), 400, "mode");
        assertProblem(api.post("/api/v1/integrations", tenant.apiKey(), """
                {"type":"github","name":"n","config":{"repositories":["a/b"]},"credentials":{"token":{"nested":1}}}"""),
                400, "credentials.token");
    }

    @Test
    void namesMissingFields() {
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{}"), 400, "name");
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"  \"}"), 400, "name");
        assertProblem(extraction("{}"), 400, "integration_id");
        assertProblem(extraction("{\"integration_id\":\"%s\",\"entities\":[null]}"), 400, "entities[0]");
    }

    @Test
    void namesUnknownFields() {
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"x\",\"colour\":\"red\"}"),
                400, "colour");
        assertProblem(extraction("{\"integration_id\":\"%s\",\"entity\":\"github_issues\"}"), 400, "entity");
        assertProblem(extraction("{\"integrationId\":\"%s\"}"), 400, "integrationId");
    }

    @Test
    void refusesBodiesThatAreNotAJsonObject() {
        assertProblem(extraction("[]"), 400, null);
        assertProblem(extraction(""), 400, null);
        assertProblem(extraction("null"), 400, null);
        assertProblem(extraction("\"%s\""), 400, null);
    }

    @Test
    void refusesOversizedBodiesWithContentTooLarge() {
        byte[] huge = new byte[1024 * 1024 + 10];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        assertProblem(api.post("/api/v1/integrations", tenant.apiKey(), new String(huge, StandardCharsets.US_ASCII)),
                413, null);
        assertProblem(api.postChunked("/api/v1/integrations", tenant.apiKey(), huge), 413, null);
    }

    @Test
    void refusesOtherMediaTypesWithUnsupportedMediaType() {
        ApiClient.Response refused = api.send(api.request("/api/v1/extractions", tenant.apiKey())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("integration_id=" + integrationId)));

        assertProblem(refused, 415, null);
    }

    @Test
    void refusesAnUnsupportedMethodAsAProblem() {
        ApiClient.Response refused = api.send(api.request("/api/v1/jobs", tenant.apiKey()).DELETE());

        assertProblem(refused, 405, null);
    }

    @Test
    void hidesServerErrorsBehindACorrelationId() {
        ApiClient.Response failed = api.get("/api/v1/test-failure", tenant.apiKey());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.text("correlation_id")).isNotBlank();
        assertThat(failed.body()).doesNotContain("secret detail").doesNotContain("at io.etlfleet")
                .doesNotContain("IllegalStateException");
    }

    private ApiClient.Response extraction(String template) {
        return api.post("/api/v1/extractions", tenant.apiKey(), template.replace("%s", integrationId));
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).as(response.body()).startsWith("urn:etl-fleet:problem:");
        assertThat(response.json().get("title").asString()).isNotBlank();
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().has("detail")).isTrue();
        if (field == null) {
            assertThat(response.json().has("field")).as(response.body()).isFalse();
        } else {
            assertThat(response.text("field")).as(response.body()).isEqualTo(field);
        }
    }

    @TestConfiguration
    static class FailingEndpoint {

        @Bean
        FailingController failingController() {
            return new FailingController();
        }
    }

    @RestController
    static class FailingController {

        @GetMapping("/api/v1/test-failure")
        String fail() {
            throw new IllegalStateException("secret detail");
        }
    }
}
