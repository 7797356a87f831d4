package io.etlfleet.api.errors;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends a corpus of well over 500 malformed requests to every endpoint that takes input:
 * broken JSON, wrong types and missing or unknown fields in every body, SQL and script
 * fragments where ids, enums, numbers, times and URLs belong, oversized bodies and unknown
 * ids, and control characters and lone surrogates in every path variable, query parameter
 * and body of every endpoint ({@link ControlCharacterCases}). Each must answer 4xx
 * problem+json (naming the field when one is to blame), none 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BadInputCorpusIT {

    static final List<String> HOSTILE = List.of("' or '1'='1", "1; drop table etl.tenants; --", "\" or 1=1 --",
            "<script>alert(1)</script>", "javascript:alert(1)", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd",
            "{{7*7}}", "%00", "\u0000", "null", "-1", "1e309", "NaN", " ", "🙂".repeat(3), "x".repeat(300));
    static final List<String> BROKEN_JSON = List.of("{", "}", "{\"name\":", "{\"name\" \"x\"}", "{'name':'x'}",
            "{\"name\":\"x\",}", "[", "\"unterminated", "{\"a\":1}}", "{\"name\":\"x\"} trailing", "nul", "tru",
            "{\"name\":01}", "{\"name\":\"\\q\"}", "\u0000", "<xml/>", "name=x", "{\"name\":\"x\"", "{{}}", "{\"\":}");
    static final List<String> WRONG_VALUES = List.of("1", "1.5", "true", "[]", "[1]", "{}", "{\"a\":1}");

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("bad_corpus");
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

    record Attempt(String method, String path, String body, int status, String field) {
    }

    @Test
    void everyMalformedRequestAnswersAProblemNamingTheFieldAndNoneAServerError() {
        ApiClient api = new ApiClient(port);
        TenantWithKey tenant = aTenant(api);
        String integration = aGithubIntegration(api, tenant);
        String job = anExtractJob(api, tenant, integration);
        List<Attempt> attempts = new ArrayList<>();
        bodies(attempts, integration);
        queries(attempts);
        paths(attempts, integration, job, tenant.id());
        attempts.addAll(ControlCharacterCases.attempts(mapping));

        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts) {
            String key = attempt.path().startsWith("/api/v1/tenants") && attempt.method().equals("POST")
                    && !attempt.path().contains("api-keys") ? TestBackend.ADMIN_TOKEN : tenant.apiKey();
            HttpRequest.Builder request = api.request(attempt.path(), key);
            if (attempt.body() != null) {
                request.header("Content-Type", "application/json");
            }
            ApiClient.Response response = api.send(request.method(attempt.method(), attempt.body() == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(attempt.body())));
            String problem = check(attempt, response);
            if (problem != null) {
                failures.add(attempt.method() + " " + attempt.path() + " " + abbreviate(attempt.body()) + " -> "
                        + response.status() + " " + abbreviate(response.body()) + ": " + problem);
            }
        }

        assertThat(attempts).hasSizeGreaterThanOrEqualTo(900);
        assertThat(failures).as("malformed requests answered wrongly").isEmpty();
        assertThat(api.get("/api/v1/integrations/" + integration, tenant.apiKey()).text("name")).startsWith("github-");
    }

    @Test
    void everyEndpointWithABodyHasControlCharacterCases() {
        assertThat(ControlCharacterCases.uncoveredBodies(mapping)).as("add cases to ControlCharacterCases.BODIES").isEmpty();
    }

    private static String check(Attempt attempt, ApiClient.Response response) {
        if (response.status() != attempt.status()) {
            return "expected " + attempt.status();
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        if (attempt.field() != null && !attempt.field().equals(response.json().path("field").asString())) {
            return "expected field " + attempt.field();
        }
        if (response.body().contains("at io.etlfleet") || response.body().contains("Exception")) {
            return "leaks internals";
        }
        return null;
    }

    private static void bodies(List<Attempt> attempts, String integration) {
        List<String> writes = List.of("POST /api/v1/tenants", "POST /api/v1/integrations", "POST /api/v1/extractions",
                "PATCH /api/v1/integrations/" + integration);
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        for (String write : writes) {
            String method = write.substring(0, write.indexOf(' '));
            String path = write.substring(write.indexOf(' ') + 1);
            BROKEN_JSON.forEach(body -> attempts.add(new Attempt(method, path, body, 400, null)));
            for (String notAnObject : List.of("[]", "null", "\"text\"", "42")) {
                attempts.add(new Attempt(method, path, notAnObject, 400, null));
            }
            attempts.add(new Attempt(method, path, huge, 413, null));
            attempts.add(new Attempt(method, path, "{\"unknown_field\":1}", 400, "unknown_field"));
            attempts.add(new Attempt(method, path, "{\"Name\":\"x\"}", 400, "Name"));
        }
        for (String value : WRONG_VALUES) {
            attempts.add(new Attempt("POST", "/api/v1/tenants", "{\"name\":" + value + "}", 400, "name"));
            for (String field : List.of("type", "name")) {
                attempts.add(new Attempt("POST", "/api/v1/integrations", integrationBody(field, value), 400, field));
            }
            if (!value.startsWith("{")) {
                attempts.add(new Attempt("POST", "/api/v1/integrations", integrationBody("credentials", value), 400,
                        "credentials"));
            }
            attempts.add(new Attempt("PATCH", "/api/v1/integrations/" + integration, "{\"name\":" + value + "}", 400,
                    "name"));
            attempts.add(new Attempt("POST", "/api/v1/extractions", "{\"integration_id\":" + value + "}", 400,
                    "integration_id"));
            attempts.add(new Attempt("POST", "/api/v1/extractions",
                    "{\"integration_id\":\"" + integration + "\",\"mode\":" + value + "}", 400, "mode"));
        }
        for (String hostile : HOSTILE) {
            String quoted = jsonString(hostile);
            attempts.add(new Attempt("POST", "/api/v1/extractions", "{\"integration_id\":" + quoted + "}", 400,
                    "integration_id"));
            attempts.add(new Attempt("POST", "/api/v1/extractions",
                    "{\"integration_id\":\"" + integration + "\",\"mode\":" + quoted + "}", 400, "mode"));
            attempts.add(new Attempt("POST", "/api/v1/extractions",
                    "{\"integration_id\":\"" + integration + "\",\"entities\":[" + quoted + "]}", 400, "entities[0]"));
            attempts.add(new Attempt("POST", "/api/v1/integrations", integrationBody("type", quoted), 400, "type"));
            attempts.add(new Attempt("POST", "/api/v1/integrations", """
                    {"type":"github","name":"n","config":{"base_url":%s,"repositories":["a/b"]},"credentials":{"token":"t"}}"""
                    .formatted(quoted), 400, "config.base_url"));
            attempts.add(new Attempt("PATCH", "/api/v1/integrations/" + integration,
                    "{\"config\":{\"base_url\":" + quoted + ",\"repositories\":[\"a/b\"]}}", 400, "config.base_url"));
        }
        for (String refused : List.of("http://169.254.169.254/latest/meta-data", "http://[fe80::1]/", "ftp://x.org",
                "http://metadata.google.internal/", "file:///etc/passwd", "http://0.0.0.0/", "http://2852039166/",
                "http://0xa9fea9fe/", "gopher://127.0.0.1/", "http://user:pw@api.github.com/")) {
            attempts.add(new Attempt("POST", "/api/v1/integrations", """
                    {"type":"github","name":"n","config":{"base_url":"%s","repositories":["a/b"]},"credentials":{"token":"t"}}"""
                    .formatted(refused), 400, "config.base_url"));
        }
        attempts.add(new Attempt("POST", "/api/v1/tenants", "{}", 400, "name"));
        attempts.add(new Attempt("POST", "/api/v1/integrations", "{}", 400, "type"));
        attempts.add(new Attempt("POST", "/api/v1/extractions", "{}", 400, "integration_id"));
        attempts.add(new Attempt("POST", "/api/v1/extractions", "{\"integration_id\":\"" + UUID.randomUUID() + "\"}",
                404, "integration_id"));
    }

    private static void queries(List<Attempt> attempts) {
        List<String[]> params = List.of(
                new String[] {"/api/v1/jobs", "integration_id"}, new String[] {"/api/v1/jobs", "status"},
                new String[] {"/api/v1/jobs", "kind"}, new String[] {"/api/v1/jobs", "limit"},
                new String[] {"/api/v1/jobs", "cursor"}, new String[] {"/api/v1/jobs", "before"},
                new String[] {"/api/v1/jobs", "tenant_id"}, new String[] {"/api/v1/jobs/stats", "hours"},
                new String[] {"/api/v1/jobs/stats", "tenant_id"}, new String[] {"/api/v1/integrations", "limit"},
                new String[] {"/api/v1/integrations", "cursor"}, new String[] {"/api/v1/integrations", "tenant_id"},
                new String[] {"/api/v1/raw-data", "integration_id"}, new String[] {"/api/v1/raw-data", "from"},
                new String[] {"/api/v1/raw-data", "to"}, new String[] {"/api/v1/raw-data", "limit"},
                new String[] {"/api/v1/raw-data", "cursor"}, new String[] {"/api/v1/raw-data", "tenant_id"});
        List<String> values = new ArrayList<>(HOSTILE.stream().filter(v -> !v.isBlank()).toList());
        values.addAll(List.of("0", "100000", "abc", "2026-13-01T00:00:00Z", "zzzz-not-base64!"));
        for (String[] param : params) {
            for (String value : values) {
                attempts.add(new Attempt("GET", param[0] + "?" + param[1] + "=" + encode(value), null, 400, param[1]));
            }
        }
        attempts.add(new Attempt("GET", "/api/v1/raw-data?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", null, 400,
                "to"));
        attempts.add(new Attempt("GET", "/api/v1/jobs?entity_type=" + "x".repeat(300), null, 400, "entity_type"));
    }

    private static void paths(List<Attempt> attempts, String integration, String job, String tenantId) {
        List<String> templates = List.of("GET /api/v1/jobs/%s", "POST /api/v1/jobs/%s/cancel",
                "POST /api/v1/jobs/%s/retry", "GET /api/v1/integrations/%s", "DELETE /api/v1/integrations/%s",
                "POST /api/v1/integrations/%s/enable", "POST /api/v1/integrations/%s/disable",
                "POST /api/v1/integrations/%s/test", "GET /api/v1/integrations/%s/sync-state",
                "GET /api/v1/tenants/%s", "GET /api/v1/tenants/%s/api-keys", "GET /api/v1/raw-data/%s");
        List<String> ids = List.of("not-a-uuid", "1%27%20or%20%271%27=%271", "%3Cscript%3E", "12345678-1234",
                "00000000-0000-0000-0000-00000000000g");
        for (String template : templates) {
            String method = template.substring(0, template.indexOf(' '));
            String path = template.substring(template.indexOf(' ') + 1);
            for (String id : ids) {
                attempts.add(new Attempt(method, path.formatted(id), null, 400,
                        path.contains("api-keys") ? "tenant_id" : "id"));
            }
            String unknown = path.contains("raw-data") ? "987654321" : UUID.randomUUID().toString();
            attempts.add(new Attempt(method, path.formatted(unknown), null, 404, null));
        }
        attempts.add(new Attempt("DELETE", "/api/v1/integrations/" + integration + "/sync-state/no_such_entity", null,
                404, "entity_type"));
        attempts.add(new Attempt("POST", "/api/v1/jobs/" + job + "/retry", null, 409, "status"));
        attempts.add(new Attempt("DELETE", "/api/v1/tenants/" + tenantId + "/api-keys/" + UUID.randomUUID(), null, 404,
                null));
        attempts.add(new Attempt("POST", "/api/v1/admin/credentials/re-encrypt", null, 403, null));
    }

    private static String integrationBody(String field, String value) {
        String type = field.equals("type") ? value : "\"github\"";
        String name = field.equals("name") ? value : "\"n\"";
        String credentials = field.equals("credentials") ? value : "{\"token\":\"t\"}";
        return "{\"type\":" + type + ",\"name\":" + name
                + ",\"config\":{\"repositories\":[\"a/b\"]},\"credentials\":" + credentials + "}";
    }

    private static String jsonString(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                quoted.append('\\').append(ch);
            } else if (ch < 0x20) {
                quoted.append(String.format("\\u%04x", (int) ch));
            } else {
                quoted.append(ch);
            }
        }
        return quoted.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
