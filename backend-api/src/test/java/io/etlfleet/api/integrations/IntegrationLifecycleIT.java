package io.etlfleet.api.integrations;

import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.http.HttpRequest;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IntegrationLifecycleIT {

    private static TestBackend backend;
    private static SampleSource source;

    @LocalServerPort
    private int port;

    private ApiClient api;
    private TenantWithKey tenant;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("integration_lifecycle");
        source = SampleSource.start(SampleSourceOptions.builder().githubRepositories(List.of("acme/app"))
                .issuesPerRepository(3).build());
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestBackend.register(registry, () -> backend);
    }

    @AfterAll
    static void stopBackend() {
        if (source != null) {
            source.close();
        }
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
    void testsTheConnectionAgainstTheSourceAndReportsBadCredentials() {
        String id = create("sample", source.githubBaseUrl(), "wrong-token");

        JsonNode refused = api.post("/api/v1/integrations/" + id + "/test", tenant.apiKey(), "").json();
        ApiClient.Response fixed = patch(id, "{\"credentials\":{\"token\":\"" + SampleSourceOptions.DEFAULT_TOKEN + "\"}}");
        JsonNode ok = api.post("/api/v1/integrations/" + id + "/test", tenant.apiKey(), "").json();

        assertThat(refused.path("ok").asBoolean()).isFalse();
        assertThat(refused.path("kind").asString()).isEqualTo("bad_credentials");
        assertThat(refused.toString()).doesNotContain("wrong-token");
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.body()).doesNotContain(SampleSourceOptions.DEFAULT_TOKEN);
        assertThat(ok.path("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.path("kind").asString()).isEqualTo("ok");
    }

    @Test
    void reportsAnUnreachableSource() {
        String id = create("gone", "http://127.0.0.1:1", "t");

        JsonNode result = api.post("/api/v1/integrations/" + id + "/test", tenant.apiKey(), "").json();

        assertThat(result.path("kind").asString()).isEqualTo("unreachable");
    }

    @Test
    void patchesNameAndConfigAndRefusesTheTypeOrABadConfig() {
        String id = create("before", "https://api.github.com", "t");

        ApiClient.Response renamed = patch(id, """
                {"name":"after","config":{"base_url":"https://github.example.com/api/v3","repositories":["acme/x"]}}""");
        ApiClient.Response typeChange = patch(id, "{\"type\":\"jira\"}");
        ApiClient.Response badConfig = patch(id, "{\"config\":{\"repositories\":[\"no-slash\"]}}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("after");
        assertThat(renamed.json().path("config").path("repositories").get(0).asString()).isEqualTo("acme/x");
        assertThat(typeChange.status()).isEqualTo(400);
        assertThat(typeChange.text("field")).isEqualTo("type");
        assertThat(badConfig.status()).isEqualTo(400);
        assertThat(badConfig.text("field")).startsWith("config.repositories");
        assertThat(api.get("/api/v1/integrations/" + id, tenant.apiKey()).text("name")).isEqualTo("after");
    }

    @Test
    void aDisabledIntegrationCannotBeExtractedUntilItIsEnabledAgain() {
        String id = create("toggled", "https://api.github.com", "t");

        ApiClient.Response disabled = api.post("/api/v1/integrations/" + id + "/disable", tenant.apiKey(), "");
        ApiClient.Response refused = api.post("/api/v1/extractions", tenant.apiKey(), "{\"integration_id\":\"" + id + "\"}");
        ApiClient.Response enabled = api.post("/api/v1/integrations/" + id + "/enable", tenant.apiKey(), "");

        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("field")).isEqualTo("integration_id");
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(api.post("/api/v1/extractions", tenant.apiKey(), "{\"integration_id\":\"" + id + "\"}").status())
                .isEqualTo(202);
    }

    @Test
    void deletingRefusesWhileJobsAreActiveThenHidesTheIntegrationAndFreesItsName() {
        String id = create("doomed", "https://api.github.com", "t");
        String job = anExtractJob(api, tenant, id);

        ApiClient.Response busy = delete(id);
        api.post("/api/v1/jobs/" + job + "/cancel", tenant.apiKey(), "");
        ApiClient.Response deleted = delete(id);

        assertThat(busy.status()).isEqualTo(409);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/integrations/" + id, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/integrations", tenant.apiKey()).body()).doesNotContain(id);
        assertThat(api.get("/api/v1/jobs/" + job, tenant.apiKey()).status()).isEqualTo(200);
        assertThat(create("doomed", "https://api.github.com", "t")).isNotEqualTo(id);
    }

    @Test
    void refusesLinkLocalAndMetadataUrlsButAcceptsLoopback() {
        for (String url : List.of("http://169.254.169.254/latest", "http://[fe80::1%25eth0]/", "http://metadata.google.internal",
                "ftp://example.com", "http://[::ffff:169.254.1.1]/")) {
            ApiClient.Response refused = api.post("/api/v1/integrations", tenant.apiKey(), body("n", url, "t"));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text("field")).as(url).isEqualTo("config.base_url");
        }
        assertThat(create("local", "http://127.0.0.1:9999", "t")).isNotBlank();
        assertThat(create("localhost", "http://localhost:9999", "t")).isNotBlank();
    }

    @Test
    void refusesJdbcUrlsToLinkLocalAndMetadataHostsOnCreateAndChangeButAcceptsLoopbackAndOrdinaryHosts() {
        for (String url : List.of("jdbc:postgresql://169.254.169.254:5432/app", "jdbc:mysql://db.example,[fe80::1]:3306/app",
                "jdbc:mariadb://address=(host=metadata.google.internal)(port=3306)/app",
                "jdbc:oracle:thin:@//169.254.10.10:1521/ORCL", "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)"
                        + "(HOST=100.100.100.200)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=orcl)))",
                "jdbc:postgresql://db.example/app?PGHOST=169.254.169.254")) {
            ApiClient.Response refused = api.post("/api/v1/integrations", tenant.apiKey(), jdbcBody("bad-" + url.hashCode(), url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.contentType()).as(url).startsWith("application/problem+json");
            assertThat(refused.text("field")).as(url).isEqualTo("config.url");
        }
        ApiClient.Response local = api.post("/api/v1/integrations", tenant.apiKey(),
                jdbcBody("jdbc-local", "jdbc:postgresql://127.0.0.1:5432/app"));
        assertThat(local.status()).as(local.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/integrations", tenant.apiKey(),
                jdbcBody("jdbc-oracle", "jdbc:oracle:thin:@db.example.com:1521/ORCL")).status()).isEqualTo(201);

        ApiClient.Response moved = patch(local.text("id"), "{\"config\":" + jdbcConfig("jdbc:mysql://[fe80::1]/app") + "}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(400);
        assertThat(moved.text("field")).isEqualTo("config.url");
    }

    private static String jdbcBody(String name, String url) {
        return """
                {"type":"jdbc","name":"%s","config":%s,"credentials":{"user":"etl","password":"etl"}}"""
                .formatted(name, jdbcConfig(url));
    }

    private static String jdbcConfig(String url) {
        return """
                {"url":"%s","tables":[{"name":"orders","cursor":["updated_at"],"key":["id"]}]}""".formatted(url);
    }

    @Test
    void listsIntegrationsPageByPageInNameOrder() {
        for (String name : List.of("e", "c", "a", "d", "b")) {
            create(name, "https://api.github.com", "t");
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/integrations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    tenant.apiKey()).json();
            page.path("integrations").forEach(i -> names.add(i.path("name").asString()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null && names.size() < 20);

        assertThat(names).containsExactly("a", "b", "c", "d", "e");
    }

    private String create(String name, String baseUrl, String token) {
        ApiClient.Response created = api.post("/api/v1/integrations", tenant.apiKey(), body(name, baseUrl, token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private static String body(String name, String baseUrl, String token) {
        return """
                {"type":"github","name":"%s","config":{"base_url":"%s","repositories":["acme/app"]},
                 "credentials":{"token":"%s"}}""".formatted(name, baseUrl, token);
    }

    private ApiClient.Response patch(String id, String body) {
        return api.send(api.request("/api/v1/integrations/" + id, tenant.apiKey())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private ApiClient.Response delete(String id) {
        return api.send(api.request("/api/v1/integrations/" + id, tenant.apiKey()).DELETE());
    }
}
