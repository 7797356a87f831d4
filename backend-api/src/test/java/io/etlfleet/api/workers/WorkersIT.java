package io.etlfleet.api.workers;

import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.workers.WorkerConcurrencyStore;
import io.etlfleet.storage.workers.WorkerRegistry;
import java.net.http.HttpRequest;
import java.util.List;
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
class WorkersIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;

    private ApiClient api;
    private String extractWorker;
    private String otherExtractWorker;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("api_workers");
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestBackend.register(registry, () -> backend);
    }

    @BeforeEach
    void registerWorkers() {
        api = new ApiClient(port);
        WorkerRegistry registry = new WorkerRegistry(jdbi);
        extractWorker = "extract-workers@host-a:11:" + UUID.randomUUID();
        otherExtractWorker = "extract-workers@host-b:12:" + UUID.randomUUID();
        registry.register(extractWorker, "extract", List.of("github", "jira"), Map.of("github", 1, "jira", 1), "host-a", 11);
        registry.register(otherExtractWorker, "extract", List.of("github"), Map.of("github", 2), "host-b", 12);
    }

    @Test
    void listsLiveWorkersWithTheirTypesConcurrencyAndHeartbeat() {
        JsonNode worker = worker(extractWorker);

        assertThat(worker.path("kind").asString()).isEqualTo("extract");
        assertThat(worker.path("types").toString()).isEqualTo("[\"github\",\"jira\"]");
        assertThat(worker.path("concurrency").path("github").asInt()).isEqualTo(1);
        assertThat(worker.path("desired_concurrency").isObject()).isTrue();
        assertThat(worker.path("host").asString()).isEqualTo("host-a");
        assertThat(worker.path("pid").asLong()).isEqualTo(11);
        assertThat(worker.path("jobs_in_hand").asInt()).isZero();
        assertThat(worker.path("heartbeat_age_seconds").asLong()).isLessThan(60);
        assertThat(worker.path("stale").asBoolean()).isFalse();
        assertThat(worker.has("started_at") && worker.has("heartbeat_at")).isTrue();
    }

    @Test
    void aWorkersOwnDesiredConcurrencyOverridesTheFleetWideValueUntilTheNextFleetWideChange() {
        assertThat(put("/api/v1/worker-types/extract/github/concurrency", "{\"concurrency\":3}").status()).isEqualTo(200);
        assertThat(worker(extractWorker).path("desired_concurrency").path("github").asInt()).isEqualTo(3);
        assertThat(worker(otherExtractWorker).path("desired_concurrency").path("github").asInt()).isEqualTo(3);

        ApiClient.Response own = put("/api/v1/workers/" + extractWorker + "/concurrency", "{\"concurrency\":{\"github\":5}}");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("desired_concurrency").path("github").asInt()).isEqualTo(5);
        assertThat(worker(otherExtractWorker).path("desired_concurrency").path("github").asInt()).isEqualTo(3);

        put("/api/v1/worker-types/extract/github/concurrency", "{\"concurrency\":4}");
        assertThat(worker(extractWorker).path("desired_concurrency").path("github").asInt()).isEqualTo(4);
        assertThat(worker(extractWorker).path("desired_concurrency").has("jira")).isFalse();
        assertThat(new WorkerConcurrencyStore(jdbi).desiredFor(otherExtractWorker)).isEqualTo(Map.of("github", 4));
    }

    @Test
    void rejectsATypeTheWorkerDoesNotConsumeAndValuesOutOfRangeNamingTheField() {
        ApiClient.Response response = put("/api/v1/workers/" + otherExtractWorker + "/concurrency",
                "{\"concurrency\":{\"jira\":2,\"github\":0}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("concurrency.jira", "concurrency.github");
    }

    @Test
    void rejectsAnUnknownKindTypeOrMissingValueForTheFleetWideValue() {
        ApiClient.Response response = put("/api/v1/worker-types/loader/svn/concurrency", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("kind", "type", "concurrency");
    }

    @Test
    void anUnknownOrStoppedWorkerIsNotFound() {
        new WorkerRegistry(jdbi).deregister(otherExtractWorker);

        assertThat(put("/api/v1/workers/" + otherExtractWorker + "/concurrency", "{\"concurrency\":{\"github\":2}}")
                .status()).isEqualTo(404);
        assertThat(put("/api/v1/workers/nobody/concurrency", "{\"concurrency\":{\"github\":2}}").status()).isEqualTo(404);
    }

    @Test
    void tenantKeysMayListWorkersButNotChangeConcurrency() {
        String tenantKey = aTenant(api).apiKey();

        assertThat(api.get("/api/v1/workers", tenantKey).status()).isEqualTo(200);
        assertThat(api.send(api.request("/api/v1/worker-types/extract/github/concurrency", tenantKey)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"concurrency\":2}"))).status()).isEqualTo(403);
    }

    private ApiClient.Response put(String path, String body) {
        return api.send(api.request(path, TestBackend.ADMIN_TOKEN).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode worker(String id) {
        ApiClient.Response response = api.get("/api/v1/workers", TestBackend.ADMIN_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode worker : response.json().path("workers")) {
            if (worker.path("id").asString().equals(id)) {
                return worker;
            }
        }
        throw new AssertionError("worker " + id + " not listed: " + response.body());
    }
}
