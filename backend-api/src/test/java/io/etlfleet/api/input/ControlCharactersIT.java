package io.etlfleet.api.input;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.net.http.HttpRequest;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * NUL and the other refused characters answer 400 problem+json naming the field wherever they
 * arrive — body, nested config, credentials, field names, query parameters, path variables,
 * paths Tomcat refuses itself — instead of the 500 PostgreSQL's refusal of NUL used to give.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ControlCharactersIT {

    private static final String SECRET = "ghp_doNotEcho0123456789";

    private static TestBackend backend;

    @LocalServerPort
    private int port;

    private ApiClient api;
    private TenantWithKey tenant;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("control_chars");
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
    void aTenantWithItsKey() {
        api = new ApiClient(port);
        tenant = aTenant(api);
    }

    @Test
    void refusesATenantNameWithNulNamingTheNameAndCreatesNothing() {
        ApiClient.Response refused = api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"acme\\u0000corp\"}");

        assertProblem(refused, "name");
        assertThat(refused.text("detail")).isEqualTo("name: must not contain control characters (found U+0000)");
        assertThat(api.get("/api/v1/tenants", TestBackend.ADMIN_TOKEN).body()).doesNotContain("acme");
    }

    @Test
    void refusesDelAndC1ControlsSentUnescapedAndLoneSurrogatesSentEscaped() {
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"a\u007fb\"}"), "name");
        assertProblem(api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"a\u009bb\"}"), "name");
        ApiClient.Response surrogate = api.post("/api/v1/tenants", TestBackend.ADMIN_TOKEN, "{\"name\":\"a\\ud800b\"}");
        assertProblem(surrogate, "name");
        assertThat(surrogate.text("detail")).contains("unpaired UTF-16 surrogates (found U+D800)");
    }

    @Test
    void refusesAControlCharacterInANestedConfigUrl() {
        ApiClient.Response refused = api.post("/api/v1/integrations", tenant.apiKey(), """
                {"type":"github","name":"n","config":{"base_url":"https://api.github.com\\u0001","repositories":["a/b"]},
                 "credentials":{"token":"t"}}""");

        assertProblem(refused, "config.base_url");
        assertThat(refused.text("detail")).isEqualTo("config.base_url: must not contain control characters (found U+0001)");
    }

    @Test
    void refusesANulInACredentialWithoutEchoingIt() {
        ApiClient.Response refused = api.post("/api/v1/integrations", tenant.apiKey(), """
                {"type":"github","name":"n","config":{"base_url":"https://api.github.com","repositories":["a/b"]},
                 "credentials":{"token":"%s\\u0000Zq9suffix"}}""".formatted(SECRET));

        assertProblem(refused, "credentials.token");
        assertThat(refused.body()).doesNotContain(SECRET).doesNotContain("Zq9suffix");
    }

    @Test
    void refusesAControlCharacterInAFieldNameNamingItEscaped() {
        String integration = aGithubIntegration(api, tenant);

        ApiClient.Response refused = api.send(api.request("/api/v1/integrations/" + integration, tenant.apiKey())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"credentials\":{\"to\\u0000ken\":\"t\"}}")));

        assertProblem(refused, "credentials.to\\u0000ken");
        ApiClient.Response surrogate = api.post("/api/v1/integrations", tenant.apiKey(), """
                {"type":"github","name":"n","config":{"base_url":"https://api.github.com","repositories":["a/b"]},
                 "credentials":{"to\\ud800ken":"t"}}""");
        assertProblem(surrogate, "credentials");
        assertThat(surrogate.text("detail")).isEqualTo("credentials: has a field name with an unpaired UTF-16 surrogate");
    }

    @Test
    void refusesAQueryParameterWithNulOrAMalformedEscape() {
        ApiClient.Response nul = api.get("/api/v1/jobs?status=%00", tenant.apiKey());
        assertProblem(nul, "status");
        assertThat(nul.text("detail")).isEqualTo("status: must not contain control characters (found U+0000)");

        assertProblem(api.get("/api/v1/raw-data?external_id=%ED%A0%80", tenant.apiKey()), "external_id");
        assertProblem(api.get("/api/v1/jobs?entity_type=github%C2%9B", tenant.apiKey()), "entity_type");
    }

    @Test
    void refusesAControlCharacterInAPathVariable() {
        String integration = aGithubIntegration(api, tenant);

        assertProblem(api.send(api.request("/api/v1/integrations/" + integration + "/sync-state/github%01issues",
                tenant.apiKey()).DELETE()), "entity_type");
        assertProblem(api.send(api.request("/api/v1/workers/worker%7F1/concurrency", TestBackend.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"concurrency\":{\"github\":2}}"))), "id");
    }

    @Test
    void answersAProblemNamingThePathVariableForPathsTomcatRefusesItself() {
        ApiClient.Response nul = api.get("/api/v1/jobs/%00", tenant.apiKey());
        assertProblem(nul, "id");
        assertThat(nul.text("detail")).isEqualTo("id: must not contain control characters (found U+0000)");

        assertProblem(api.get("/api/v1/tenants/%ED%A0%80/api-keys", tenant.apiKey()), "tenant_id");
    }

    @Test
    void letsFreeTextFieldsCarryLineBreaksButNoOtherControl() {
        ApiClient.Response accepted = api.post("/api/v1/test-free-text", tenant.apiKey(),
                "{\"reason\":\"first line\\nsecond\\tline\",\"code\":\"c\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo("first line\nsecond\tline");

        assertProblem(api.post("/api/v1/test-free-text", tenant.apiKey(), "{\"reason\":\"a\\u0000b\",\"code\":\"c\"}"),
                "reason");
        assertProblem(api.post("/api/v1/test-free-text", tenant.apiKey(), "{\"reason\":\"r\",\"code\":\"c\\nd\"}"),
                "code");
    }

    private static void assertProblem(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:etl-fleet:problem:bad-request");
        assertThat(response.text("title")).isEqualTo("Bad Request");
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        assertThat(response.text("field")).as(response.body()).isEqualTo(field);
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(response.text("detail")).startsWith(field + ": ");
    }

    record FreeTextRequest(@FreeText String reason, String code) {
    }

    @TestConfiguration
    static class FreeTextEndpoint {

        @Bean
        FreeTextController freeTextController() {
            return new FreeTextController();
        }
    }

    @RestController
    static class FreeTextController {

        @PostMapping(path = "/api/v1/test-free-text", consumes = "application/json", produces = "text/plain")
        String echo(@RequestBody FreeTextRequest request) {
            return request.reason();
        }
    }
}
