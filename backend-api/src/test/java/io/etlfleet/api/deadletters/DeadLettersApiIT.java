package io.etlfleet.api.deadletters;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.consume.JobConsumer;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.deadletter.DeadLetterHeaders;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DeadLettersApiIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private ConfirmedPublisher publisher;
    @Autowired
    private TopologySettings topology;
    @Autowired
    private JobStore jobs;
    @Autowired
    private Jdbi jdbi;

    private ApiClient api;
    private final JobMessageCodec codec = new JobMessageCodec();

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("dead-letters");
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
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aPoisonMessageIsListedWithItsReasonThenReplayedLeavesTheDlqAndReachesItsOriginQueue() {
        JobConsumers consumers = new JobConsumers(connectionFactory, publisher, topology);
        try (JobConsumer consumer = consumers.create("etl.extract.jira", ExtractJobMessage.class, (job, context) -> { },
                FailureClassifier.retryUnlessMalformed(), ConsumerSettings.of("extract", "poison-it"))) {
            consumer.start();
            publisher.publish(OutgoingMessage.of("etl.extract", "jira", "poison-1",
                    "{\"v\": 1, \"job_id\": \"trunc".getBytes(StandardCharsets.UTF_8)));
            Awaitility.await("poison message dead-lettered").atMost(Duration.ofSeconds(20))
                    .until(() -> depth("etl.extract.jira.dlq") == 1);
        }

        JsonNode listed = api.get("/api/v1/dead-letters?queue=etl.extract.jira.dlq", TestBackend.ADMIN_TOKEN).json();

        assertThat(listed.get("counts")).singleElement().satisfies(count -> {
            assertThat(count.get("queue").asString()).isEqualTo("etl.extract.jira.dlq");
            assertThat(count.get("origin_queue").asString()).isEqualTo("etl.extract.jira");
            assertThat(count.get("error_class").asString()).isEqualTo(MalformedMessageException.class.getName());
            assertThat(count.get("count").asLong()).isEqualTo(1);
        });
        JsonNode item = listed.get("items").get(0);
        assertThat(item.get("message_id").asString()).isEqualTo("poison-1");
        assertThat(item.get("stage").asString()).isEqualTo("decode");
        assertThat(item.get("error_message").asString()).contains("not valid JSON");
        assertThat(item.get("worker_id").asString()).isEqualTo("poison-it");
        assertThat(item.get("failed_at").isNull()).isFalse();
        assertThat(item.get("body").asString()).isEqualTo("{\"v\": 1, \"job_id\": \"trunc");
        assertThat(item.get("headers").get(DeadLetterHeaders.ORIGIN_QUEUE).asString()).isEqualTo("etl.extract.jira");
        assertThat(depth("etl.extract.jira.dlq")).as("listing consumes nothing").isEqualTo(1);

        ApiClient.Response replayed = api.post("/api/v1/dead-letters/replay", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.extract.jira.dlq\",\"message_ids\":[\"poison-1\"]}");

        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
        assertThat(depth("etl.extract.jira.dlq")).isZero();
        assertThat(depth("etl.extract.jira")).isEqualTo(1);
    }

    @Test
    void replayingADeadJobsGroupRequeuesTheJobAndShowsNoCredentials() {
        TenantWithKey tenant = aTenant(api);
        String integrationId = aGithubIntegration(api, tenant);
        UUID jobId = UUID.fromString(anExtractJob(api, tenant, integrationId));
        Awaitility.await("the extraction's own message published").atMost(Duration.ofSeconds(20))
                .until(() -> published(jobId));
        long extractQueueBefore = depth("etl.extract.github");
        jobs.transition(jobId, JobStatus.DEAD, "gave up", null);
        ExtractJobMessage job = ExtractJobMessage.of(jobId, UUID.fromString(tenant.id()), UUID.fromString(integrationId),
                "github", "github_issues", "full", null);
        deadLetter("etl.extract.github", job.jobId().toString(), codec.encode(job), "java.io.IOException",
                "GET https://api.github.com/repos/acme/app/issues with token " + Fixtures.GITHUB_TOKEN + " failed");

        ApiClient.Response listed = api.get("/api/v1/dead-letters?queue=etl.extract.github.dlq&error_class=java.io.IOException",
                TestBackend.ADMIN_TOKEN);
        assertThat(listed.body()).doesNotContain(Fixtures.GITHUB_TOKEN);
        assertThat(listed.json().get("items").get(0).get("error_message").asString())
                .isEqualTo("GET https://api.github.com/repos/acme/app/issues with token [redacted] failed");

        ApiClient.Response replayed = api.post("/api/v1/dead-letters/replay", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.extract.github.dlq\",\"error_class\":\"java.io.IOException\"}");

        assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(depth("etl.extract.github.dlq")).isZero();
        assertThat(depth("etl.extract.github")).isEqualTo(extractQueueBefore + 1);
    }

    @Test
    void aFailedJobsMessageIsNotReplayedAndSaysWhy() {
        TenantWithKey tenant = aTenant(api);
        String integrationId = aGithubIntegration(api, tenant);
        UUID jobId = UUID.fromString(anExtractJob(api, tenant, integrationId));
        jobs.transition(jobId, JobStatus.RUNNING, null, null);
        jobs.transition(jobId, JobStatus.FAILED, "bad credentials", null);
        ExtractJobMessage job = ExtractJobMessage.of(jobId, UUID.fromString(tenant.id()), UUID.fromString(integrationId),
                "github", "github_issues", "full", null);
        deadLetter("etl.transform.jira", job.jobId().toString(), codec.encode(job), "java.lang.SecurityException", "401");

        JsonNode replayed = api.post("/api/v1/dead-letters/replay", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.transform.jira.dlq\",\"message_ids\":[\"" + jobId + "\"]}").json();

        assertThat(replayed.get("replayed").asInt()).isZero();
        assertThat(replayed.get("not_replayed").get(0).get("message_id").asString()).isEqualTo(jobId.toString());
        assertThat(replayed.get("not_replayed").get(0).get("reason").asString()).contains("is failed");
        assertThat(depth("etl.transform.jira.dlq")).isEqualTo(1);
        assertThat(jobs.find(jobId).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void discardsSomeByIdAndTheRestByErrorClass() {
        deadLetter("etl.transform.jdbc", "t-1", "{}".getBytes(StandardCharsets.UTF_8), "java.sql.SQLException", "boom");
        deadLetter("etl.transform.jdbc", "t-2", "{}".getBytes(StandardCharsets.UTF_8), "java.sql.SQLException", "boom");
        deadLetter("etl.transform.jdbc", "t-3", "{}".getBytes(StandardCharsets.UTF_8), "java.lang.IllegalStateException", "x");
        deadLetter("etl.transform.jdbc", "t-4", "{}".getBytes(StandardCharsets.UTF_8), "java.lang.IllegalStateException", "x");

        ApiClient.Response byId = api.post("/api/v1/dead-letters/discard", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.transform.jdbc.dlq\",\"message_ids\":[\"t-1\",\"t-3\",\"no-such\"]}");
        assertThat(byId.json().get("discarded").asInt()).isEqualTo(2);
        JsonNode counts = api.get("/api/v1/dead-letters?queue=etl.transform.jdbc.dlq", TestBackend.ADMIN_TOKEN).json()
                .get("counts");
        assertThat(counts.valueStream().map(c -> c.get("error_class").asString() + "=" + c.get("count").asLong()))
                .containsExactlyInAnyOrder("java.sql.SQLException=1", "java.lang.IllegalStateException=1");

        ApiClient.Response byClass = api.post("/api/v1/dead-letters/discard", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.transform.jdbc.dlq\",\"error_class\":\"java.sql.SQLException\"}");
        assertThat(byClass.json().get("discarded").asInt()).isEqualTo(1);
        JsonNode left = api.get("/api/v1/dead-letters?queue=etl.transform.jdbc.dlq", TestBackend.ADMIN_TOKEN).json();
        assertThat(left.get("items").valueStream().map(i -> i.get("message_id").asString())).containsExactly("t-4");
        assertThat(depth("etl.transform.jdbc")).as("discarded, not replayed").isZero();
    }

    @Test
    void aTenantKeyIsRefused() {
        TenantWithKey tenant = aTenant(api);

        assertThat(api.get("/api/v1/dead-letters", tenant.apiKey()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/dead-letters/replay", tenant.apiKey(),
                "{\"queue\":\"etl.extract.github.dlq\",\"error_class\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/dead-letters/discard", tenant.apiKey(),
                "{\"queue\":\"etl.extract.github.dlq\",\"error_class\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/dead-letters", null).status()).isEqualTo(401);
    }

    @Test
    void refusesBadRequestsNamingTheField() {
        assertProblem(api.get("/api/v1/dead-letters?queue=etl.extract.github", TestBackend.ADMIN_TOKEN), "queue");
        assertProblem(api.get("/api/v1/dead-letters?limit=0", TestBackend.ADMIN_TOKEN), "limit");
        assertProblem(api.get("/api/v1/dead-letters?limit=many", TestBackend.ADMIN_TOKEN), "limit");
        assertProblem(api.post("/api/v1/dead-letters/replay", TestBackend.ADMIN_TOKEN, "{\"error_class\":\"x\"}"), "queue");
        assertProblem(api.post("/api/v1/dead-letters/replay", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.extract.github.dlq\"}"), "message_ids");
        assertProblem(api.post("/api/v1/dead-letters/discard", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.extract.github.dlq\",\"message_ids\":[]}"), "message_ids");
        assertProblem(api.post("/api/v1/dead-letters/discard", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.extract.github.dlq\",\"message_ids\":[\"a\"],\"error_class\":\"x\"}"), "message_ids");
        assertProblem(api.post("/api/v1/dead-letters/discard", TestBackend.ADMIN_TOKEN,
                "{\"queue\":\"etl.extract.github.dlq\",\"message_ids\":\"a\"}"), "message_ids");
    }

    private void deadLetter(String originQueue, String messageId, byte[] body, String errorClass, String errorMessage) {
        publisher.publish(new OutgoingMessage("etl.dlx", originQueue, messageId, body, Map.of(
                DeadLetterHeaders.ERROR_CLASS, errorClass,
                DeadLetterHeaders.ERROR_MESSAGE, errorMessage,
                DeadLetterHeaders.STAGE, "extract",
                DeadLetterHeaders.ATTEMPTS, 5,
                DeadLetterHeaders.WORKER, "extract-1",
                DeadLetterHeaders.FAILED_AT, "2026-03-01T12:00:00Z",
                DeadLetterHeaders.ORIGIN_QUEUE, originQueue)));
    }

    private boolean published(UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select count(*) from etl.outbox where message_id = :id and published_at is not null")
                .bind("id", jobId.toString()).mapTo(Long.class).one()) == 1;
    }

    private long depth(String queue) {
        return new RabbitAdmin(connectionFactory).getQueueInfo(queue).getMessageCount();
    }

    private static void assertProblem(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).isEqualTo(field);
    }
}
