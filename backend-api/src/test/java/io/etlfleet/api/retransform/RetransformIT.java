package io.etlfleet.api.retransform;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.raw.NewRawRecord;
import io.etlfleet.storage.raw.RawBatch;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.storage.retransform.RetransformStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "etl.api.retransform.batch-size=100")
@DirtiesContext
class RetransformIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private JobStore jobs;

    private ApiClient api;
    private TenantWithKey tenant;
    private String integrationId;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("retransform");
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
    void aTenantWithAGithubIntegration() {
        api = new ApiClient(port);
        tenant = aTenant(api);
        integrationId = aGithubIntegration(api, tenant);
    }

    @Test
    void queuesTransformJobsCoveringExactlyTheRawRowsOfTheRangeInBatches() {
        List<Long> january = storeRaw(integrationId, 130, Instant.parse("2026-01-15T00:00:00Z"));
        List<Long> february = storeRaw(integrationId, 250, Instant.parse("2026-02-15T00:00:00Z"));
        storeRaw(integrationId, 20, Instant.parse("2026-03-15T00:00:00Z"));
        storeRaw(aGithubIntegration(api, tenant), 10, Instant.parse("2026-02-15T00:00:00Z"));

        ApiClient.Response accepted = api.post("/api/v1/retransforms", tenant.apiKey(), """
                {"integration_id":"%s","entity_type":"github_issues",
                 "from":"2026-01-01T00:00:00Z","to":"2026-03-01T00:00:00Z"}""".formatted(integrationId));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode queued = accepted.json().get("jobs");
        assertThat(queued).hasSize(4); // 380 rows in batches of 100
        List<Long> covered = new ArrayList<>();
        for (JsonNode entry : queued) {
            assertThat(entry.get("entity_type").asString()).isEqualTo("github_issues");
            assertThat(entry.get("status").asString()).isEqualTo("queued");
            UUID jobId = UUID.fromString(entry.get("id").asString());
            Job job = jobs.find(jobId).orElseThrow();
            assertThat(job.kind()).isEqualTo(JobKind.TRANSFORM);
            assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(job.tenantId()).hasToString(tenant.id());
            OutboxMessage message = outboxFor(jobId);
            assertThat(message.exchange()).isEqualTo("etl.transform");
            assertThat(message.routingKey()).isEqualTo("github");
            TransformJobMessage body = new JobMessageCodec().decode(message.body(), TransformJobMessage.class);
            assertThat(body.jobId()).isEqualTo(jobId);
            assertThat(body.batchId()).isNull();
            assertThat(body.integrationId()).hasToString(integrationId);
            assertThat(body.entityType()).isEqualTo("github_issues");
            assertThat(body.rawIds()).hasSizeLessThanOrEqualTo(100);
            assertThat(new RetransformStore().rawIds(jdbi, jobId)).contains(body.rawIds());
            covered.addAll(body.rawIds());
        }
        List<Long> expected = new ArrayList<>(january);
        expected.addAll(february);
        assertThat(covered).containsExactlyElementsOf(expected);
    }

    @Test
    void withoutARangeCoversEveryRawRowOfTheIntegration() {
        List<Long> all = new ArrayList<>(storeRaw(integrationId, 30, Instant.parse("2025-06-01T00:00:00Z")));
        all.addAll(storeRaw(integrationId, 5, Instant.now()));

        JsonNode queued = api.post("/api/v1/retransforms", tenant.apiKey(),
                "{\"integration_id\":\"" + integrationId + "\"}").json().get("jobs");

        assertThat(queued).hasSize(1);
        OutboxMessage message = outboxFor(UUID.fromString(queued.get(0).get("id").asString()));
        assertThat(new JobMessageCodec().decode(message.body(), TransformJobMessage.class).rawIds())
                .containsExactlyElementsOf(all);
    }

    @Test
    void anEmptyRangeQueuesNothing() {
        storeRaw(integrationId, 3, Instant.parse("2026-01-15T00:00:00Z"));

        ApiClient.Response accepted = api.post("/api/v1/retransforms", tenant.apiKey(), """
                {"integration_id":"%s","from":"2030-01-01T00:00:00Z"}""".formatted(integrationId));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("jobs")).isEmpty();
    }

    @Test
    void refusesBadRequestsNamingTheField() {
        assertProblem(api.post("/api/v1/retransforms", tenant.apiKey(), "{}"), 400, "integration_id");
        assertProblem(api.post("/api/v1/retransforms", tenant.apiKey(), """
                {"integration_id":"%s","entity_type":"jira_issues"}""".formatted(integrationId)), 400, "entity_type");
        assertProblem(api.post("/api/v1/retransforms", tenant.apiKey(), """
                {"integration_id":"%s","from":"2026-02-01T00:00:00Z","to":"2026-01-01T00:00:00Z"}"""
                .formatted(integrationId)), 400, "to");
        assertProblem(api.post("/api/v1/retransforms", tenant.apiKey(), """
                {"integration_id":"%s","from":"last tuesday"}""".formatted(integrationId)), 400, "from");
        assertProblem(api.post("/api/v1/retransforms", tenant.apiKey(), """
                {"integration_id":"%s","since":"2026-01-01T00:00:00Z"}""".formatted(integrationId)), 400, "since");
    }

    @Test
    void anotherTenantsIntegrationAnswersNotFound() {
        storeRaw(integrationId, 3, Instant.parse("2026-01-15T00:00:00Z"));
        TenantWithKey other = aTenant(api);

        assertProblem(api.post("/api/v1/retransforms", other.apiKey(),
                "{\"integration_id\":\"" + integrationId + "\"}"), 404, "integration_id");
    }

    /** Stores {@code count} raw github issues extracted at {@code extractedAt}; returns their ids in order. */
    private List<Long> storeRaw(String integration, int count, Instant extractedAt) {
        UUID batchId = UUID.randomUUID();
        List<NewRawRecord> records = IntStream.range(0, count)
                .mapToObj(i -> NewRawRecord.of(UUID.randomUUID().toString(), "{\"n\":" + i + "}", extractedAt))
                .toList();
        return jdbi.inTransaction(h -> {
            new RawStore(jdbi).insert(h, new RawBatch(batchId, UUID.randomUUID(), UUID.fromString(tenant.id()),
                    UUID.fromString(integration), "github_issues", "{}", records));
            h.createUpdate("update etl.raw_extraction_data set extracted_at = :at where batch_id = :batch")
                    .bind("at", extractedAt).bind("batch", batchId).execute();
            return h.createQuery("select id from etl.raw_extraction_data where batch_id = :batch order by id")
                    .bind("batch", batchId).mapTo(Long.class).list();
        });
    }

    private OutboxMessage outboxFor(UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, exchange, routing_key, message_id, body from etl.outbox where message_id = :id""")
                .bind("id", jobId.toString())
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"), rs.getString("exchange"),
                        rs.getString("routing_key"), rs.getString("message_id"), rs.getBytes("body")))
                .one());
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).isEqualTo(field);
    }
}
