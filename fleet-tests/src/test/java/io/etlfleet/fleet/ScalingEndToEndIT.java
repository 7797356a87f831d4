package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Scaling end to end, on one fleet of processes, in order: workers register; concurrency changed
 * over the API changes the broker's consumer count; tenant A's backfill of many repositories
 * neither exceeds its cap nor delays tenant B's incremental sync; the metrics and the JSON logs
 * report what happened, and every metric the Grafana dashboard queries exists; a stopped worker
 * deregisters.
 */
@TestMethodOrder(OrderAnnotation.class)
class ScalingEndToEndIT {

    private static final int BACKFILL_REPOSITORIES = 16;
    private static final List<String> A_REPOSITORIES = IntStream.rangeClosed(1, BACKFILL_REPOSITORIES)
            .mapToObj(i -> "tenant-a/repo-%02d".formatted(i)).toList();
    private static final String B_REPOSITORY = "tenant-b/app";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static ScalingFleet fleet;
    private static String extractWorker;
    private static final List<UUID> backfillJobs = new ArrayList<>();
    private static String incrementalJob;
    private static String[] tenantB;
    private static long maxRunning;

    @BeforeAll
    static void startFleet() throws Exception {
        List<String> repositories = new ArrayList<>(A_REPOSITORIES);
        repositories.add(B_REPOSITORY);
        fleet = ScalingFleet.start(repositories, 150);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void workersRegisterWithTheirTypesAndConfiguredConcurrency() throws Exception {
        JsonNode workers = fleet.client.get(ScalingFleet.ADMIN_TOKEN, "/workers", 200).path("workers");

        JsonNode extract = find(workers, "extract");
        assertThat(extract.path("types").toString()).isEqualTo("[\"github\"]");
        assertThat(extract.path("concurrency").path("github").asInt()).isEqualTo(2);
        assertThat(extract.path("stale").asBoolean()).isFalse();
        assertThat(find(workers, "transform").path("types").toString()).isEqualTo("[\"github\"]");
        extractWorker = extract.path("id").asString();
        assertThat(fleet.consumers("etl.extract.github")).isEqualTo(2);
    }

    @Test
    @Order(2)
    void concurrencyChangedOverTheApiChangesTheBrokersConsumerCountWithoutARestart() throws Exception {
        fleet.client.put(ScalingFleet.ADMIN_TOKEN, "/workers/" + extractWorker + "/concurrency",
                "{\"concurrency\":{\"github\":4}}", 200);
        Awaitility.await("4 consumers on etl.extract.github").atMost(Duration.ofSeconds(30))
                .until(() -> fleet.consumers("etl.extract.github") == 4);
        Awaitility.await("4 consumers on etl.extract.github.backfill").atMost(Duration.ofSeconds(30))
                .until(() -> fleet.consumers("etl.extract.github.backfill") == 4);

        fleet.client.put(ScalingFleet.ADMIN_TOKEN, "/worker-types/extract/github/concurrency", "{\"concurrency\":3}", 200);
        Awaitility.await("3 consumers on etl.extract.github").atMost(Duration.ofSeconds(30))
                .until(() -> fleet.consumers("etl.extract.github") == 3);
        Awaitility.await("the worker reports what it applied").atMost(Duration.ofSeconds(10)).until(() ->
                find(fleet.client.get(ScalingFleet.ADMIN_TOKEN, "/workers", 200).path("workers"), "extract")
                        .path("concurrency").path("github").asInt() == 3);
        assertThat(fleet.extract.log()).contains("Concurrency of github changed from 2 to 4");
    }

    @Test
    @Order(3)
    void aBackfillOfManyRepositoriesStaysUnderItsCapAndDoesNotDelayAnotherTenantsIncrementalSync() throws Exception {
        String[] tenantA = fleet.tenantWithIntegration("tenant-a", A_REPOSITORIES);
        tenantB = fleet.tenantWithIntegration("tenant-b", List.of(B_REPOSITORY));
        UUID integrationA = UUID.fromString(tenantA[1]);
        UUID tenantIdA = fleet.jdbi.withHandle(h -> h.createQuery(
                "select tenant_id from etl.integrations where id = :id").bind("id", integrationA).mapTo(UUID.class).one());
        ConfirmedPublisher publisher = new ConfirmedPublisher(fleet.broker);
        for (String repository : A_REPOSITORIES) {
            UUID job = UUID.randomUUID();
            fleet.jdbi.useHandle(h -> h.createUpdate("""
                    insert into etl.etl_jobs (id, kind, tenant_id, integration_id, integration_type, entity_type, mode, status)
                    values (:id, 'extract', :tenant, :integration, 'github', 'github_issues', 'full', 'queued')""")
                    .bind("id", job).bind("tenant", tenantIdA).bind("integration", integrationA).execute());
            publisher.publishExtractJob(ExtractJobMessage.of(job, tenantIdA, integrationA, "github", "github_issues",
                    "full", repository));
            backfillJobs.add(job);
        }
        Awaitility.await("tenant A's backfill running").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> sampleRunning() > 0);

        incrementalJob = fleet.client.post(tenantB[0], "/extractions", "{\"integration_id\":\"" + tenantB[1]
                + "\",\"entities\":[\"github_issues\"],\"mode\":\"incremental\"}", 202).path("jobs").get(0).path("id").asString();
        Awaitility.await("tenant B's incremental sync").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> sampleRunning() >= 0 && "succeeded".equals(status(incrementalJob)));
        long backfillDoneBefore = count("succeeded");
        Awaitility.await("tenant A's backfill").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> sampleRunning() >= 0 && count("succeeded") == BACKFILL_REPOSITORIES);

        assertThat(backfillDoneBefore).as("backfill jobs finished before the incremental sync")
                .isLessThan(BACKFILL_REPOSITORIES / 2);
        assertThat(maxRunning).as("most of tenant A's extract jobs seen running at once")
                .isBetween(1L, (long) ScalingFleet.MAX_JOBS_PER_INTEGRATION);
    }

    @Test
    @Order(4)
    void theWorkersMetricsCountTheJobsRecordsPagesAndQueues() throws Exception {
        awaitTransformsFinished();
        Map<String, Object> extracted = fleet.jdbi.withHandle(h -> h.createQuery("""
                select count(*) as jobs, sum((counts->>'records_fetched')::bigint) as records,
                       sum((counts->>'pages')::bigint) as pages, sum((counts->>'requests')::bigint) as requests,
                       sum((counts->>'not_modified')::bigint) as not_modified
                  from etl.etl_jobs where kind = 'extract' and status = 'succeeded'""").mapToMap().one());
        Map<String, Object> loaded = fleet.jdbi.withHandle(h -> h.createQuery("""
                select count(*) as jobs, sum((counts->>'rows_upserted')::bigint) as rows
                  from etl.etl_jobs where kind = 'transform' and status = 'succeeded'""").mapToMap().one());
        Map<String, String> extractGithub = Map.of("kind", "extract", "type", "github");
        Map<String, String> transformGithub = Map.of("kind", "transform", "type", "github");

        Awaitility.await("queue gauges sampled").atMost(Duration.ofSeconds(20)).until(() -> PrometheusScrape
                .of(fleet.extract.port()).value("etl_queue_consumers", Map.of("queue", "etl.extract.github")) == 3);
        PrometheusScrape extract = PrometheusScrape.of(fleet.extract.port());
        long jobs = ((Number) extracted.get("jobs")).longValue();
        assertThat(jobs).isEqualTo(BACKFILL_REPOSITORIES + 1);
        assertThat(extract.value("etl_jobs_started_total", extractGithub)).isEqualTo(jobs);
        assertThat(extract.value("etl_jobs_succeeded_total", extractGithub)).isEqualTo(jobs);
        assertThat(extract.value("etl_jobs_failed_total", extractGithub)).isZero();
        assertThat(extract.value("etl_records_extracted_total", Map.of("type", "github", "entity_type", "github_issues")))
                .isEqualTo(((Number) extracted.get("records")).doubleValue());
        assertThat(extract.value("etl_batch_duration_seconds_count", extractGithub))
                .isEqualTo(((Number) extracted.get("pages")).doubleValue());
        assertThat(extract.value("etl_jobs_deferred_total", Map.of("type", "github", "reason", "integration_cap")))
                .isPositive();
        assertThat(extract.value("etl_queue_messages", Map.of("queue", "etl.extract.github.dlq", "kind", "dead_letter")))
                .isZero();
        Map<String, String> githubIssues = Map.of("type", "github", "entity_type", "github_issues");
        assertThat(extract.value("etl_source_requests_total", githubIssues))
                .isEqualTo(((Number) extracted.get("requests")).doubleValue()).isPositive();
        assertThat(extract.value("etl_source_not_modified_total", githubIssues))
                .isEqualTo(((Number) extracted.get("not_modified")).doubleValue());
        long sharedRemaining = fleet.jdbi.withHandle(h -> h.createQuery(
                "select min(remaining) from etl.rate_limit_budgets where resource = 'core'").mapTo(Long.class).one());
        Awaitility.await("shared budget sampled").atMost(Duration.ofSeconds(20)).until(() -> PrometheusScrape
                .of(fleet.extract.port()).value("etl_source_rate_limit_remaining",
                        Map.of("type", "github", "resource", "core")) == sharedRemaining);
        assertThat(PrometheusScrape.of(fleet.extract.port()).series("etl_source_rate_limit_remaining")).isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.labels()).containsOnlyKeys("type", "resource"));

        PrometheusScrape transform = PrometheusScrape.of(fleet.transform.port());
        assertThat(transform.value("etl_jobs_succeeded_total", transformGithub))
                .isEqualTo(((Number) loaded.get("jobs")).doubleValue()).isPositive();
        assertThat(transform.value("etl_records_loaded_total", Map.of("type", "github", "entity_type", "github_issues")))
                .isEqualTo(((Number) loaded.get("rows")).doubleValue());
    }

    @Test
    @Order(5)
    void everyMetricTheDashboardQueriesIsExported() throws Exception {
        List<String> names = new ArrayList<>(PrometheusScrape.of(fleet.extract.port()).names());
        names.addAll(PrometheusScrape.of(fleet.transform.port()).names());
        names.addAll(PrometheusScrape.of(fleet.api.port()).names());
        JsonNode dashboard = FleetApi.JSON.readTree(Files.readString(Path.of("..", "deploy", "grafana", "etl-fleet.json")));
        List<String> queried = new ArrayList<>();
        Matcher metric = Pattern.compile("\\betl_[a-z0-9_]+").matcher("");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                metric.reset(target.path("expr").asString());
                while (metric.find()) {
                    queried.add(metric.group());
                }
            }
        }
        assertThat(queried).hasSizeGreaterThan(10);
        assertThat(names).containsAll(queried);
    }

    @Test
    @Order(6)
    void jsonLogLinesOfAJobCarryItsJobTenantAndIntegrationIds() throws Exception {
        String tenantId = fleet.client.job(tenantB[0], incrementalJob).path("tenant_id").asString();
        String line = fleet.extract.log().lines()
                .filter(l -> l.contains("Extract job " + incrementalJob + " succeeded")).findFirst().orElseThrow();

        JsonNode json = FleetApi.JSON.readTree(line);
        assertThat(json.path("job_id").asString()).isEqualTo(incrementalJob);
        assertThat(json.path("tenant_id").asString()).isEqualTo(tenantId);
        assertThat(json.path("integration_id").asString()).isEqualTo(tenantB[1]);
    }

    @Test
    @Order(7)
    void aWorkerThatShutsDownDeregisters() throws Exception {
        String transformWorker = find(fleet.client.get(ScalingFleet.ADMIN_TOKEN, "/workers", 200).path("workers"),
                "transform").path("id").asString();

        fleet.transform.close();

        assertThat(fleet.client.get(ScalingFleet.ADMIN_TOKEN, "/workers", 200).path("workers").findValuesAsString("id"))
                .doesNotContain(transformWorker).contains(extractWorker);
        boolean stopped = fleet.jdbi.withHandle(h -> h.createQuery(
                "select stopped_at is not null from etl.workers where id = :id")
                .bind("id", transformWorker).mapTo(Boolean.class).one());
        assertThat(stopped).as("stopped_at of " + transformWorker).isTrue();
    }

    private static long count(String status) {
        return fleet.jdbi.withHandle(h -> h.createQuery("select count(*) from etl.etl_jobs where id = any(:ids) and status = :s")
                .bindArray("ids", UUID.class, backfillJobs).bind("s", status).mapTo(Long.class).one());
    }

    /**
     * Samples how many backfill jobs are running now and keeps the maximum. (Comparing their
     * started_at and finished_at would not do: started_at is the claim transaction's start,
     * taken before it waits for the integration's lock.)
     */
    private static long sampleRunning() {
        long running = count("running");
        maxRunning = Math.max(maxRunning, running);
        return running;
    }

    private static String status(String jobId) throws Exception {
        return fleet.client.job(tenantB[0], jobId).path("status").asString();
    }

    private static void awaitTransformsFinished() {
        Awaitility.await("transform jobs finished").atMost(PATIENCE).until(() -> fleet.jdbi.withHandle(h -> h.createQuery(
                "select count(*) from etl.etl_jobs where kind = 'transform' and status not in ('succeeded', 'failed', 'dead')")
                .mapTo(Long.class).one()) == 0);
    }

    private static JsonNode find(JsonNode workers, String kind) {
        for (JsonNode worker : workers) {
            if (worker.path("kind").asString().equals(kind)) {
                return worker;
            }
        }
        throw new AssertionError("no " + kind + " worker in " + workers);
    }
}
