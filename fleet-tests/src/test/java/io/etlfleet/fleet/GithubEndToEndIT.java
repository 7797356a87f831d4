package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.github.GithubIssue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import tools.jackson.databind.JsonNode;

/**
 * The GitHub issues path end to end: the backend API, extract workers and transform workers
 * run as separate processes from their jars against real RabbitMQ and PostgreSQL and the
 * sample GitHub source over HTTP. Tests run in order on one fleet: a full sync, an
 * incremental sync after changes at the source, then duplicate transform deliveries.
 */
@TestMethodOrder(OrderAnnotation.class)
class GithubEndToEndIT {

    private static final List<String> REPOSITORIES = List.of("acme/widgets", "acme/gadgets");
    private static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

    private static SampleSource source;
    private static ProcessFleet fleet;
    private static FleetApi client;
    private static Jdbi jdbi;
    private static String tenantKey;
    private static String integrationId;
    private static List<String> fullSyncJobs;

    @BeforeAll
    static void startFleet() throws Exception {
        // 260 listing items per repository, every 5th a pull request: three pages of 100.
        source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(REPOSITORIES).issuesPerRepository(260).everyNthIsPullRequest(5).build());
        fleet = ProcessFleet.start("github", ADMIN_TOKEN, Map.of());
        client = fleet.client();
        jdbi = fleet.jdbi();
        tenantKey = client.post(ADMIN_TOKEN, "/tenants", "{\"name\":\"acme\"}", 201).path("api_key").asString();
        integrationId = client.post(tenantKey, "/integrations", """
                {"type":"github","name":"sample","config":{"base_url":"%s","repositories":["acme/widgets","acme/gadgets"]},
                 "credentials":{"token":"%s"}}""".formatted(source.githubBaseUrl(), SampleSourceOptions.DEFAULT_TOKEN), 201)
                .path("id").asString();
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
    @Order(1)
    void aFullSyncLoadsExactlyTheSourceIssues() throws Exception {
        fullSyncJobs = client.enqueue(tenantKey, integrationId, "full", List.of("github_issues"));

        assertThat(fullSyncJobs).hasSize(1);
        JsonNode job = awaitFinished(fullSyncJobs.get(0));
        assertThat(job.path("status").asString()).isEqualTo("succeeded");
        assertThat(job.path("children")).isNotEmpty();
        assertThat(job.path("counts").path("records_stored").asLong()).isEqualTo(expectedIssues().size());
        assertWarehouseEqualsSource();
    }

    @Test
    @Order(2)
    void anIncrementalSyncFetchesOnlyWhatChangedAndTheWarehouseIsExactAgain() throws Exception {
        source.requests().reset();
        source.github().updateIssue("acme/widgets", 1, "Renamed at the source");
        source.github().updateIssue("acme/widgets", 2, "Renamed again");
        source.github().closeIssue("acme/widgets", 3);
        source.github().updateIssue("acme/gadgets", 7, "Gadget renamed");

        JsonNode job = awaitFinished(client.enqueue(tenantKey, integrationId, "incremental", List.of("github_issues")).get(0));

        assertThat(job.path("status").asString()).isEqualTo("succeeded");
        // One page per repository: only issues updated since the cursor (minus the overlap) are listed.
        for (String repository : REPOSITORIES) {
            assertThat(source.requests().count("/repos/" + repository + "/issues")).as(repository).isEqualTo(1);
        }
        assertThat(job.path("counts").path("records_stored").asLong()).isEqualTo(4);
        assertThat(job.path("counts").path("records_fetched").asLong()).isLessThan(20);
        assertWarehouseEqualsSource();
    }

    @Test
    @Order(3)
    void theSameTransformJobDeliveredTwiceChangesNothing() throws Exception {
        List<String> before = warehouseRows();
        JsonNode child = client.job(tenantKey, fullSyncJobs.get(0)).path("children").get(0);
        Map<String, Object> stored = jdbi.withHandle(h -> h.createQuery(
                "select batch_id, version, updated_at from etl.etl_jobs where id = cast(:id as uuid)")
                .bind("id", child.path("id").asString()).mapToMap().one());
        String childId = child.path("id").asString();
        TransformJobMessage duplicate = TransformJobMessage.forBatch(UUID.fromString(childId),
                UUID.fromString(fullSyncJobs.get(0)), UUID.fromString(tenantOf(childId)), UUID.fromString(integrationId),
                "github", "github_issues", (UUID) stored.get("batch_id"));

        // The outbox may already have delivered this job twice (at-least-once); count from here.
        long skippedBefore = duplicatesSkipped(childId);
        CachingConnectionFactory connections = RabbitConnections.create(fleet.vhost().amqpUri(), "e2e-test");
        try {
            ConfirmedPublisher publisher = new ConfirmedPublisher(connections);
            publisher.publishTransformJob(duplicate);
            publisher.publishTransformJob(duplicate);
        } finally {
            connections.destroy();
        }
        Awaitility.await("both duplicate deliveries handled").atMost(Duration.ofSeconds(30))
                .until(() -> duplicatesSkipped(childId) == skippedBefore + 2);

        assertThat(warehouseRows()).isEqualTo(before);
        Map<String, Object> after = jdbi.withHandle(h -> h.createQuery(
                "select batch_id, version, updated_at from etl.etl_jobs where id = cast(:id as uuid)")
                .bind("id", childId).mapToMap().one());
        assertThat(after).isEqualTo(stored);
    }

    /** Deliveries of the job the transform worker dropped as duplicates, as its log reports them. */
    private static long duplicatesSkipped(String jobId) throws IOException {
        return fleet.transform().log().lines()
                .filter(line -> line.contains("Transform job " + jobId) && line.contains("skipping duplicate delivery"))
                .count();
    }

    private static String tenantOf(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("select tenant_id::text from etl.etl_jobs where id = cast(:id as uuid)")
                .bind("id", jobId).mapTo(String.class).one());
    }

    private static JsonNode awaitFinished(String jobId) throws IOException, InterruptedException {
        Awaitility.await("job " + jobId + " and its transform jobs finished")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode job = client.job(tenantKey, jobId);
                    if (!terminal(job)) {
                        return false;
                    }
                    for (JsonNode child : job.path("children")) {
                        if (!terminal(child)) {
                            return false;
                        }
                    }
                    return true;
                });
        JsonNode job = jobWithChildren(jobId);
        for (JsonNode child : job.path("children")) {
            assertThat(child.path("status").asString()).as("transform job %s", child.path("id")).isEqualTo("succeeded");
        }
        return job;
    }

    private static JsonNode jobWithChildren(String jobId) throws IOException, InterruptedException {
        return client.job(tenantKey, jobId);
    }

    private static boolean terminal(JsonNode job) {
        return Set.of("succeeded", "failed", "dead", "cancelled").contains(job.path("status").asString());
    }

    private static Set<String> expectedIssues() {
        return REPOSITORIES.stream()
                .flatMap(repository -> source.github().issues(repository).stream())
                .filter(issue -> !issue.pullRequest())
                .map(GithubEndToEndIT::describe)
                .collect(Collectors.toSet());
    }

    private static String describe(GithubIssue issue) {
        return issue.repository() + "#" + issue.number() + "|" + issue.title() + "|" + issue.state();
    }

    private static void assertWarehouseEqualsSource() {
        List<String> loaded = jdbi.withHandle(h -> h.createQuery("""
                        select repository || '#' || number || '|' || title || '|' || state
                          from warehouse.github_issues where integration_id = cast(:integration as uuid)""")
                .bind("integration", integrationId).mapTo(String.class).list());
        assertThat(loaded).doesNotHaveDuplicates();
        assertThat(Set.copyOf(loaded)).isEqualTo(expectedIssues());
    }

    /** Every column of every row, as JSON text (arrays and timestamps included). */
    private static List<String> warehouseRows() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select to_jsonb(t)::text from warehouse.github_issues t order by repository, number""")
                .mapTo(String.class).list());
    }

}
