package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Raw first, end to end: after a full sync, {@code POST /retransforms} re-runs every transform
 * from the stored raw rows through the transform workers, without a single request to the
 * source, and the warehouse comes out identical.
 */
class RetransformEndToEndIT {

    private static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

    private static SampleSource source;
    private static ProcessFleet fleet;
    private static FleetApi client;
    private static Jdbi jdbi;

    @BeforeAll
    static void startFleet() throws Exception {
        source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(List.of("acme/widgets")).issuesPerRepository(230).everyNthIsPullRequest(6).build());
        fleet = ProcessFleet.start("retransform", ADMIN_TOKEN, Map.of("ETL_RETRANSFORM_BATCH_SIZE", "40"));
        client = fleet.client();
        jdbi = fleet.jdbi();
    }

    @AfterAll
    static void stopFleet() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {fleet, source}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void reTransformingAFullSyncFromRawDataLeavesTheWarehouseIdenticalWithoutCallingTheSource() throws Exception {
        String tenantKey = client.post(ADMIN_TOKEN, "/tenants", "{\"name\":\"acme\"}", 201).path("api_key").asString();
        String integrationId = client.post(tenantKey, "/integrations", """
                {"type":"github","name":"sample","config":{"base_url":"%s","repositories":["acme/widgets"]},
                 "credentials":{"token":"%s"}}""".formatted(source.githubBaseUrl(), SampleSourceOptions.DEFAULT_TOKEN), 201)
                .path("id").asString();
        String sync = client.enqueue(tenantKey, integrationId, "full", List.of("github_issues")).get(0);
        awaitTerminal(tenantKey, List.of(sync), true);
        List<String> before = warehouseRows(integrationId);
        long rawRows = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from etl.raw_extraction_data where integration_id = cast(:id as uuid)")
                .bind("id", integrationId).mapTo(Long.class).one());
        assertThat(before).hasSize(230 - 230 / 6);
        source.requests().reset();

        JsonNode queued = client.post(tenantKey, "/retransforms", "{\"integration_id\":\"" + integrationId + "\"}", 202)
                .path("jobs");

        assertThat(queued.size()).isEqualTo((int) Math.ceil(rawRows / 40.0));
        List<String> jobIds = new ArrayList<>();
        queued.forEach(job -> jobIds.add(job.path("id").asString()));
        awaitTerminal(tenantKey, jobIds, false);
        for (String id : jobIds) {
            JsonNode job = client.job(tenantKey, id);
            assertThat(job.path("status").asString()).as("re-transform job %s", id).isEqualTo("succeeded");
            assertThat(job.path("kind").asString()).isEqualTo("transform");
        }
        assertThat(warehouseRows(integrationId)).isEqualTo(before);
        assertThat(source.requests().total()).as("requests to the source").isZero();
    }

    private static void awaitTerminal(String key, List<String> jobIds, boolean withChildren) {
        Awaitility.await("jobs " + jobIds + " finished").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    for (String id : jobIds) {
                        JsonNode job = client.job(key, id);
                        if (!terminal(job)) {
                            return false;
                        }
                        if (withChildren) {
                            for (JsonNode child : job.path("children")) {
                                if (!terminal(child)) {
                                    return false;
                                }
                            }
                        }
                    }
                    return true;
                });
    }

    private static boolean terminal(JsonNode job) {
        return Set.of("succeeded", "failed", "dead", "cancelled").contains(job.path("status").asString());
    }

    /** Every column of every row, as JSON text. */
    private static List<String> warehouseRows(String integrationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select to_jsonb(t)::text from warehouse.github_issues t
                         where integration_id = cast(:id as uuid) order by repository, number""")
                .bind("id", integrationId).mapTo(String.class).list());
    }

}
