package io.etlfleet.api.security;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.ApiEndpoints;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.sync.SyncState;
import io.etlfleet.storage.sync.SyncStateStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every {@code /api/v1} endpoint the app maps with tenant B's key against tenant A's
 * resources: each answers 404 (A's ids do not exist for B), 403 (admin-only), or a list
 * without A's data, and never shows A's ids. The endpoint list comes from the handler
 * mappings, so an endpoint without a case in {@link IsolationCases} fails this test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class EveryEndpointIsolationIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;
    @Autowired
    private Jdbi jdbi;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("isolation_all");
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
    void everyEndpointHasAnIsolationCase() {
        List<String> missing = ApiEndpoints.of(mapping).stream()
                .filter(endpoint -> !IsolationCases.ALL.containsKey(ApiEndpoints.normalised(endpoint)))
                .toList();

        assertThat(missing).as("endpoints without a case in IsolationCases").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointKeepsTenantAsDataFromTenantB() {
        IsolationCases.Context context = aTenantWithDataAndAStranger();
        return ApiEndpoints.of(mapping).stream()
                .filter(endpoint -> IsolationCases.ALL.containsKey(ApiEndpoints.normalised(endpoint)))
                .map(endpoint -> DynamicTest.dynamicTest(endpoint,
                        () -> IsolationCases.ALL.get(ApiEndpoints.normalised(endpoint)).check(context)));
    }

    private IsolationCases.Context aTenantWithDataAndAStranger() {
        ApiClient api = new ApiClient(port);
        TenantWithKey a = aTenant(api);
        TenantWithKey b = aTenant(api);
        String integration = aGithubIntegration(api, a);
        String job = anExtractJob(api, a, integration);
        String keyId = api.post("/api/v1/tenants/" + a.id() + "/api-keys", a.apiKey(), "").text("id");
        UUID tenantA = UUID.fromString(a.id());
        UUID integrationA = UUID.fromString(integration);
        long rawId = jdbi.withHandle(h -> h.createQuery("""
                        insert into etl.raw_extraction_data (tenant_id, integration_id, entity_type, external_id,
                               raw_data, extraction_metadata, content_hash, job_id, batch_id)
                        values (:tenant, :integration, 'github_issues', 'acme/app#secret-issue', '{"title":"private"}',
                                '{}', '\\x01', :job, :job)
                        returning id""")
                .bind("tenant", tenantA)
                .bind("integration", integrationA)
                .bind("job", UUID.fromString(job))
                .mapTo(Long.class)
                .one());
        jdbi.useHandle(h -> new SyncStateStore(jdbi).save(h, new SyncState(tenantA, integrationA, "github_issues",
                "acme/app", Map.of("updated_at", "2026-01-01T00:00:00Z"), null, null, UUID.fromString(job), null)));
        return new IsolationCases.Context(api, a, b, integration, job, keyId, rawId, jdbi, new StringBuilder());
    }
}
