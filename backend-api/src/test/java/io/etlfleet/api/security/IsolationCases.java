package io.etlfleet.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * How to call each {@code /api/v1} endpoint as tenant B against tenant A's resources, and
 * what it must answer. Keys are {@code "METHOD /path/{}"} (variable names do not matter).
 * Add a case here for every new endpoint; {@link EveryEndpointIsolationIT} fails without one.
 */
final class IsolationCases {

    record Context(ApiClient api, TenantWithKey a, TenantWithKey b, String integrationA, String jobA, String keyIdA,
            long rawIdA, Jdbi jdbi, StringBuilder lastRequest) {

        ApiClient.Response asB(String method, String path, String body) {
            lastRequest.setLength(0);
            lastRequest.append(path).append(' ').append(body);
            HttpRequest.Builder request = api.request(path, b.apiKey());
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return api.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
        }

        /** B's answer is {@code status}, problem+json when an error, and names nothing of A's. */
        void expect(ApiClient.Response response, int status) {
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            if (status >= 400) {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
            assertNothingOfA(response);
        }

        /** No id, name or data of A's in the answer, except ids B itself sent (a 404 may repeat them). */
        void assertNothingOfA(ApiClient.Response response) {
            assertThat(response.status()).as(response.body()).isLessThan(500);
            for (String secret : List.of(a.id(), integrationA, jobA, keyIdA, "secret-issue", "acme/app",
                    "github-")) {
                if (!lastRequest.toString().contains(secret)) {
                    assertThat(response.body()).as(lastRequest.toString()).doesNotContain(secret);
                }
            }
        }

        /** A's integration is still there, unchanged and enabled, as A sees it. */
        void integrationAUnchanged() {
            ApiClient.Response seen = api.get("/api/v1/integrations/" + integrationA, a.apiKey());
            assertThat(seen.status()).isEqualTo(200);
            assertThat(seen.json().path("enabled").asBoolean()).isTrue();
            assertThat(seen.text("name")).startsWith("github-");
        }

        long count(String sql) {
            return jdbi.withHandle(h -> h.createQuery(sql).bind("integration", UUID.fromString(integrationA))
                    .mapTo(Long.class).one());
        }
    }

    @FunctionalInterface
    interface Case {
        void check(Context c);
    }

    static final Map<String, Case> ALL = new TreeMap<>();

    private static void add(String endpoint, Case check) {
        ALL.put(endpoint, check);
    }

    static {
        // tenants and keys
        add("POST /api/v1/tenants", c -> c.expect(c.asB("POST", "/api/v1/tenants", "{\"name\":\"b-made\"}"), 403));
        add("GET /api/v1/tenants", c -> c.expect(c.asB("GET", "/api/v1/tenants", null), 403));
        add("GET /api/v1/tenants/{}", c -> c.expect(c.asB("GET", "/api/v1/tenants/" + c.a().id(), null), 404));
        add("GET /api/v1/tenants/{}/api-keys",
                c -> c.expect(c.asB("GET", "/api/v1/tenants/" + c.a().id() + "/api-keys", null), 404));
        add("POST /api/v1/tenants/{}/api-keys", c -> {
            c.expect(c.asB("POST", "/api/v1/tenants/" + c.a().id() + "/api-keys", null), 404);
            assertThat(c.api().get("/api/v1/tenants/" + c.a().id() + "/api-keys", c.a().apiKey()).json()
                    .path("api_keys")).hasSize(2);
        });
        add("DELETE /api/v1/tenants/{}/api-keys/{}", c -> {
            c.expect(c.asB("DELETE", "/api/v1/tenants/" + c.a().id() + "/api-keys/" + c.keyIdA(), null), 404);
            c.expect(c.asB("DELETE", "/api/v1/tenants/" + c.b().id() + "/api-keys/" + c.keyIdA(), null), 404);
            assertThat(c.api().get("/api/v1/tenants/" + c.a().id() + "/api-keys", c.a().apiKey()).body())
                    .doesNotContain("revoked_at\":\"");
        });
        add("GET /api/v1/admin/api-keys", c -> c.expect(c.asB("GET", "/api/v1/admin/api-keys", null), 403));
        add("POST /api/v1/admin/api-keys", c -> c.expect(c.asB("POST", "/api/v1/admin/api-keys", null), 403));
        add("DELETE /api/v1/admin/api-keys/{}", c -> {
            c.expect(c.asB("DELETE", "/api/v1/admin/api-keys/" + c.keyIdA(), null), 403);
            assertThat(c.api().get("/api/v1/tenants/" + c.a().id(), c.a().apiKey()).status()).isEqualTo(200);
        });
        add("POST /api/v1/admin/credentials/re-encrypt",
                c -> c.expect(c.asB("POST", "/api/v1/admin/credentials/re-encrypt", null), 403));

        // integrations
        add("POST /api/v1/integrations", c -> {
            c.expect(c.asB("POST", "/api/v1/integrations", """
                    {"type":"github","name":"planted","tenant_id":"%s","config":{"repositories":["x/y"]},
                     "credentials":{"token":"t"}}""".formatted(c.a().id())), 400);
            assertThat(c.api().get("/api/v1/integrations", c.a().apiKey()).body()).doesNotContain("planted");
        });
        add("GET /api/v1/integrations", c -> {
            c.expect(c.asB("GET", "/api/v1/integrations", null), 200);
            c.expect(c.asB("GET", "/api/v1/integrations?tenant_id=" + c.a().id(), null), 200);
        });
        add("GET /api/v1/integrations/{}",
                c -> c.expect(c.asB("GET", "/api/v1/integrations/" + c.integrationA(), null), 404));
        add("PATCH /api/v1/integrations/{}", c -> {
            c.expect(c.asB("PATCH", "/api/v1/integrations/" + c.integrationA(), "{\"name\":\"taken-over\"}"), 404);
            c.integrationAUnchanged();
        });
        add("DELETE /api/v1/integrations/{}", c -> {
            c.expect(c.asB("DELETE", "/api/v1/integrations/" + c.integrationA(), null), 404);
            c.integrationAUnchanged();
        });
        add("POST /api/v1/integrations/{}/enable",
                c -> c.expect(c.asB("POST", "/api/v1/integrations/" + c.integrationA() + "/enable", null), 404));
        add("POST /api/v1/integrations/{}/disable", c -> {
            c.expect(c.asB("POST", "/api/v1/integrations/" + c.integrationA() + "/disable", null), 404);
            c.integrationAUnchanged();
        });
        add("POST /api/v1/integrations/{}/test",
                c -> c.expect(c.asB("POST", "/api/v1/integrations/" + c.integrationA() + "/test", null), 404));
        add("GET /api/v1/integrations/{}/sync-state",
                c -> c.expect(c.asB("GET", "/api/v1/integrations/" + c.integrationA() + "/sync-state", null), 404));
        add("DELETE /api/v1/integrations/{}/sync-state/{}", c -> {
            c.expect(c.asB("DELETE", "/api/v1/integrations/" + c.integrationA() + "/sync-state/github_issues", null),
                    404);
            assertThat(c.count("select count(*) from etl.sync_state where integration_id = :integration"))
                    .isEqualTo(1);
        });
        add("GET /api/v1/integrations/{}/files",
                c -> c.expect(c.asB("GET", "/api/v1/integrations/" + c.integrationA() + "/files", null), 404));
        add("POST /api/v1/integrations/{}/files", c -> {
            c.expect(c.asB("POST", "/api/v1/integrations/" + c.integrationA() + "/files", null), 404);
            assertThat(c.count("select count(*) from etl.integration_files where integration_id = :integration"))
                    .isZero();
        });
        add("DELETE /api/v1/integrations/{}/files/{}", c -> c.expect(c.asB("DELETE",
                "/api/v1/integrations/" + c.integrationA() + "/files/" + UUID.randomUUID(), null), 404));
        add("GET /api/v1/integrations/{}/rate-limit",
                c -> c.expect(c.asB("GET", "/api/v1/integrations/" + c.integrationA() + "/rate-limit", null), 404));

        // extractions and jobs
        add("POST /api/v1/extractions", c -> {
            c.expect(c.asB("POST", "/api/v1/extractions", "{\"integration_id\":\"" + c.integrationA() + "\"}"), 404);
            assertThat(c.count("select count(*) from etl.etl_jobs where integration_id = :integration")).isEqualTo(1);
        });
        add("GET /api/v1/jobs", c -> {
            c.expect(c.asB("GET", "/api/v1/jobs?limit=500", null), 200);
            c.expect(c.asB("GET", "/api/v1/jobs?tenant_id=" + c.a().id(), null), 200);
            c.expect(c.asB("GET", "/api/v1/jobs?integration_id=" + c.integrationA(), null), 200);
        });
        add("GET /api/v1/jobs/stats", c -> {
            ApiClient.Response stats = c.asB("GET", "/api/v1/jobs/stats?hours=48", null);
            c.expect(stats, 200);
            assertThat(stats.json().path("buckets")).isEmpty();
            assertThat(c.api().get("/api/v1/jobs/stats", TestBackend.ADMIN_TOKEN).json().path("buckets")).isNotEmpty();
        });
        add("GET /api/v1/jobs/{}", c -> c.expect(c.asB("GET", "/api/v1/jobs/" + c.jobA(), null), 404));
        add("GET /api/v1/jobs/{}/rejections",
                c -> c.expect(c.asB("GET", "/api/v1/jobs/" + c.jobA() + "/rejections", null), 404));
        add("POST /api/v1/jobs/{}/cancel", c -> {
            c.expect(c.asB("POST", "/api/v1/jobs/" + c.jobA() + "/cancel", null), 404);
            assertThat(c.api().get("/api/v1/jobs/" + c.jobA(), c.a().apiKey()).text("status")).isEqualTo("queued");
        });
        add("POST /api/v1/jobs/{}/retry", c -> c.expect(c.asB("POST", "/api/v1/jobs/" + c.jobA() + "/retry", null), 404));

        // raw data
        add("GET /api/v1/raw-data", c -> {
            c.expect(c.asB("GET", "/api/v1/raw-data", null), 200);
            c.expect(c.asB("GET", "/api/v1/raw-data?integration_id=" + c.integrationA(), null), 200);
            c.expect(c.asB("GET", "/api/v1/raw-data?tenant_id=" + c.a().id(), null), 200);
        });
        add("GET /api/v1/raw-data/{}", c -> c.expect(c.asB("GET", "/api/v1/raw-data/" + c.rawIdA(), null), 404));

        // Endpoints of the contract served by other parts of the API (schedules, re-transforms,
        // queues, dead letters, workers); their cases apply once they are mapped.
        add("POST /api/v1/schedules", c -> c.expect(c.asB("POST", "/api/v1/schedules",
                "{\"integration_id\":\"" + c.integrationA() + "\",\"cron\":\"0 0 1 1 *\"}"), 404));
        add("GET /api/v1/schedules", c -> {
            scheduleOfA(c);
            c.assertNothingOfA(c.asB("GET", "/api/v1/schedules", null));
            c.assertNothingOfA(c.asB("GET", "/api/v1/schedules?integration_id=" + c.integrationA(), null));
        });
        add("GET /api/v1/schedules/{}", c -> c.expect(c.asB("GET", "/api/v1/schedules/" + scheduleOfA(c), null), 404));
        add("PATCH /api/v1/schedules/{}", c -> c.expect(c.asB("PATCH", "/api/v1/schedules/" + scheduleOfA(c),
                "{\"enabled\":false}"), 404));
        add("DELETE /api/v1/schedules/{}", c -> {
            String schedule = scheduleOfA(c);
            c.expect(c.asB("DELETE", "/api/v1/schedules/" + schedule, null), 404);
            assertThat(c.api().get("/api/v1/schedules/" + schedule, c.a().apiKey()).status()).isEqualTo(200);
        });
        add("GET /api/v1/schedules/{}/runs", c -> c.expect(c.asB("GET", "/api/v1/schedules/" + scheduleOfA(c) + "/runs",
                null), 404));
        add("POST /api/v1/retransforms", c -> c.expect(c.asB("POST", "/api/v1/retransforms",
                "{\"integration_id\":\"" + c.integrationA() + "\"}"), 404));
        add("GET /api/v1/queues", c -> c.expect(c.asB("GET", "/api/v1/queues", null), 200));
        add("GET /api/v1/dead-letters", c -> c.expect(c.asB("GET", "/api/v1/dead-letters", null), 403));
        add("POST /api/v1/dead-letters/replay", c -> c.expect(c.asB("POST", "/api/v1/dead-letters/replay",
                "{\"queue\":\"etl.extract.github.dlq\",\"error_class\":\"X\"}"), 403));
        add("POST /api/v1/dead-letters/discard", c -> c.expect(c.asB("POST", "/api/v1/dead-letters/discard",
                "{\"queue\":\"etl.extract.github.dlq\",\"error_class\":\"X\"}"), 403));
        add("GET /api/v1/workers", c -> c.assertNothingOfA(c.asB("GET", "/api/v1/workers", null)));
        add("PUT /api/v1/workers/{}/concurrency", c -> c.expect(c.asB("PUT", "/api/v1/workers/w-1/concurrency",
                "{\"concurrency\":{\"github\":1}}"), 403));
        add("PUT /api/v1/worker-types/{}/{}/concurrency", c -> c.expect(c.asB("PUT",
                "/api/v1/worker-types/extract/github/concurrency", "{\"concurrency\":1}"), 403));
    }

    /** A yearly schedule of A's, created through the API (five- or six-field cron, whichever it takes). */
    private static String scheduleOfA(Context c) {
        for (String cron : List.of("0 0 1 1 *", "0 0 0 1 1 *")) {
            ApiClient.Response created = c.api().post("/api/v1/schedules", c.a().apiKey(),
                    "{\"integration_id\":\"" + c.integrationA() + "\",\"cron\":\"" + cron + "\"}");
            if (created.status() == 201) {
                return created.text("id");
            }
        }
        throw new AssertionError("tenant A could not create a schedule");
    }

    private IsolationCases() {
    }
}
