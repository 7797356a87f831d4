package io.etlfleet.api.raw;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.sync.SyncState;
import io.etlfleet.storage.sync.SyncStateStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
class RawDataAndSyncStateIT {

    private static final Instant DAY_ONE = Instant.parse("2026-01-01T10:00:00Z");
    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private SyncStateStore states;

    private ApiClient api;
    private TenantWithKey tenant;
    private String integrationId;
    private String jobId;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("raw_sync");
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
    void anIntegrationWithStoredObjects() {
        api = new ApiClient(port);
        tenant = aTenant(api);
        integrationId = aGithubIntegration(api, tenant);
        jobId = anExtractJob(api, tenant, integrationId);
        for (int day = 0; day < 5; day++) {
            store("acme/app#" + day, "github_issues", DAY_ONE.plusSeconds(86_400L * day));
        }
        store("acme/app", "github_repositories", DAY_ONE);
    }

    @Test
    void pagesThroughRawObjectsNewestFirstWithCursors() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/raw-data?integration_id=" + integrationId + "&entity_type=github_issues"
                    + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), tenant.apiKey()).json();
            page.path("items").forEach(item -> seen.add(item.path("external_id").asString()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
        } while (cursor != null && seen.size() < 20);

        assertThat(seen).containsExactly("acme/app#4", "acme/app#3", "acme/app#2", "acme/app#1", "acme/app#0");
    }

    @Test
    void filtersByExternalIdAndExtractionTimeAndShowsOneObjectWholly() {
        JsonNode window = api.get("/api/v1/raw-data?from=2026-01-02T00:00:00Z&to=2026-01-04T00:00:00Z",
                tenant.apiKey()).json();
        JsonNode byId = api.get("/api/v1/raw-data?external_id=acme/app%233", tenant.apiKey()).json();
        long id = byId.path("items").get(0).path("id").asLong();
        JsonNode one = api.get("/api/v1/raw-data/" + id, tenant.apiKey()).json();

        assertThat(window.path("items").valueStream().map(i -> i.path("external_id").asString()))
                .containsExactly("acme/app#2", "acme/app#1");
        assertThat(byId.path("items")).hasSize(1);
        assertThat(one.path("raw_data").path("title").asString()).isEqualTo("issue acme/app#3");
        assertThat(one.path("extraction_metadata").path("endpoint").asString()).isEqualTo("/repos/acme/app/issues");
        assertThat(one.path("job_id").asString()).isEqualTo(jobId);
        assertThat(one.path("content_hash").asString()).hasSize(64);
        assertThat(api.get("/api/v1/raw-data/" + (id + 1_000_000), tenant.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void showsTheSyncStateAndResetsOneEntityType() {
        UUID integration = UUID.fromString(integrationId);
        UUID owner = UUID.fromString(tenant.id());
        jdbi.useHandle(h -> {
            for (String scope : List.of("acme/app", "acme/lib")) {
                states.save(h, new SyncState(owner, integration, "github_issues", scope,
                        Map.of("updated_at", "2026-01-05T00:00:00Z", "id", "42"), DAY_ONE, DAY_ONE.plusSeconds(60),
                        UUID.fromString(jobId), null));
            }
        });

        JsonNode entities = api.get("/api/v1/integrations/" + integrationId + "/sync-state", tenant.apiKey()).json()
                .path("entities");
        ApiClient.Response reset = api.send(api.request("/api/v1/integrations/" + integrationId
                + "/sync-state/github_issues", tenant.apiKey()).DELETE());

        assertThat(entities).hasSize(2);
        assertThat(entities.get(0).path("entity_type").asString()).isEqualTo("github_issues");
        assertThat(entities.get(0).path("scope").asString()).isEqualTo("acme/app");
        assertThat(entities.get(0).path("cursor").path("updated_at").asString()).isEqualTo("2026-01-05T00:00:00Z");
        assertThat(entities.get(0).path("cursor_age_seconds").asLong()).isBetween(0L, 600L);
        assertThat(entities.get(0).has("last_success_at")).isTrue();
        assertThat(reset.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/integrations/" + integrationId + "/sync-state", tenant.apiKey()).json()
                .path("entities")).isEmpty();
    }

    private void store(String externalId, String entityType, Instant extractedAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into etl.raw_extraction_data (tenant_id, integration_id, entity_type, external_id,
                               raw_data, extraction_metadata, content_hash, job_id, batch_id, extracted_at)
                        values (:tenant, :integration, :entityType, :externalId, cast(:raw as jsonb),
                                '{"endpoint":"/repos/acme/app/issues"}', sha256(convert_to(:externalId, 'UTF8')),
                                :job, :job, :extractedAt)""")
                .bind("tenant", UUID.fromString(tenant.id()))
                .bind("integration", UUID.fromString(integrationId))
                .bind("entityType", entityType)
                .bind("externalId", externalId)
                .bind("raw", "{\"title\":\"issue " + externalId + "\"}")
                .bind("job", UUID.fromString(jobId))
                .bind("extractedAt", Timestamp.from(extractedAt))
                .execute());
    }
}
