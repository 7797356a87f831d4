package io.etlfleet.api.retention;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The periodic purge with a 30-day retention and batches of two: what goes and what stays.
 * Every object's versions are named {@code <object>/v<n>}, oldest first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "etl.api.retention.max-age=30d", "etl.api.retention.interval=100ms", "etl.api.retention.batch-size=2"})
@DirtiesContext
class RetentionIT {

    private static final Instant OLD = Instant.now().minus(Duration.ofDays(90));
    private static final Instant RECENT = Instant.now().minus(Duration.ofDays(1));

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private RetentionRunner runner;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("retention");
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

    @Test
    void purgesOnlyOldTransformedVersionsSupersededByATransformedNewerOne() {
        ApiClient api = new ApiClient(port);
        TenantWithKey tenant = aTenant(api);
        UUID integration = UUID.fromString(aGithubIntegration(api, tenant));
        UUID other = UUID.fromString(aGithubIntegration(api, tenant));
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbi.useTransaction(h -> {
            // three old transformed versions: only the newest stays
            rows.put("a/v1", raw(h, tenant, integration, "a", 1, OLD, true));
            rows.put("a/v2", raw(h, tenant, integration, "a", 2, OLD, true));
            rows.put("a/v3", raw(h, tenant, integration, "a", 3, OLD, true));
            // an old version superseded by a recent one goes; the recent one stays
            rows.put("b/v1", raw(h, tenant, integration, "b", 1, OLD, true));
            rows.put("b/v2", raw(h, tenant, integration, "b", 2, RECENT, true));
            // a single old version is the newest: it stays
            rows.put("c/v1", raw(h, tenant, integration, "c", 1, OLD, true));
            // an untransformed old version stays, even when superseded
            rows.put("d/v1", raw(h, tenant, integration, "d", 1, OLD, false));
            rows.put("d/v2", raw(h, tenant, integration, "d", 2, OLD, true));
            // superseded only by a version not transformed yet: the warehouse still holds v1
            rows.put("e/v1", raw(h, tenant, integration, "e", 1, OLD, true));
            rows.put("e/v2", raw(h, tenant, integration, "e", 2, OLD, false));
            // stored out of order: the higher raw id holds the older source version, and goes
            rows.put("f/v2", raw(h, tenant, integration, "f", 2, OLD, true));
            rows.put("f/v1", raw(h, tenant, integration, "f", 1, OLD, true));
            // superseded but recent: younger than the retention
            rows.put("g/v1", raw(h, tenant, integration, "g", 1, RECENT, true));
            rows.put("g/v2", raw(h, tenant, integration, "g", 2, RECENT, true));
            // the same external id in another integration is another object
            rows.put("a@other/v1", raw(h, tenant, other, "a", 1, OLD, true));
        });
        List<String> kept = List.of("a/v3", "b/v2", "c/v1", "d/v1", "d/v2", "e/v1", "e/v2", "f/v2", "g/v1", "g/v2",
                "a@other/v1");

        Awaitility.await("superseded rows purged").atMost(Duration.ofSeconds(30))
                .until(() -> remaining(rows).size() == kept.size());
        long runsBefore = runner.runs();
        Awaitility.await("three more purge runs").atMost(Duration.ofSeconds(30)).until(() -> runner.runs() >= runsBefore + 3);

        assertThat(remaining(rows)).containsExactlyInAnyOrderElementsOf(kept);
    }

    private List<String> remaining(Map<String, Long> rows) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("select id from etl.raw_extraction_data where id = any(:ids)")
                .bindArray("ids", Long.class, List.copyOf(rows.values())).mapTo(Long.class).list());
        return rows.entrySet().stream().filter(e -> ids.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** Stores version {@code version} of an object, its source updated on day {@code version} of 2026. */
    private static long raw(Handle h, TenantWithKey tenant, UUID integration, String externalId, int version,
            Instant extractedAt, boolean transformed) {
        UUID batch = UUID.randomUUID();
        if (transformed) {
            h.createUpdate("insert into etl.raw_batch_loads (batch_id, loaded_at) values (:batch, :at)")
                    .bind("batch", batch).bind("at", extractedAt).execute();
        }
        return h.createQuery("""
                        insert into etl.raw_extraction_data (tenant_id, integration_id, entity_type, external_id, raw_data,
                               extraction_metadata, content_hash, source_updated_at, job_id, batch_id, extracted_at)
                        values (:tenant, :integration, 'github_issues', :externalId, cast(:data as jsonb), '{}',
                                sha256(convert_to(:data, 'UTF8')), :updated, :job, :batch, :extractedAt)
                        returning id""")
                .bind("tenant", UUID.fromString(tenant.id()))
                .bind("integration", integration)
                .bind("externalId", externalId)
                .bind("data", "{\"version\":" + version + "}")
                .bind("updated", Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(version)))
                .bind("job", UUID.randomUUID())
                .bind("batch", batch)
                .bind("extractedAt", extractedAt)
                .mapTo(Long.class)
                .one();
    }
}
