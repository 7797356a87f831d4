package io.etlfleet.api.extractions;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.GoldenJson;
import io.etlfleet.api.TestBackend;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobQuery;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ExtractionsIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private JobStore jobs;
    @Autowired
    private IntegrationStore integrations;
    @Autowired
    private EnqueuedEvents enqueued;

    private ApiClient api;
    private TenantWithKey tenant;
    private String integrationId;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("extractions");
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
    void enqueuesOneQueuedJobPerEntityWithItsOutboxMessage() {
        ApiClient.Response accepted = enqueue("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\"],\"mode\":\"full\"}");

        assertThat(accepted.status()).isEqualTo(202);
        GoldenJson.assertMatches("jobs/enqueued.json", accepted.json());
        UUID jobId = UUID.fromString(accepted.json().get("jobs").get(0).get("id").asString());
        Job job = jobs.find(jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.tenantId()).hasToString(tenant.id());
        assertThat(job.mode()).isEqualTo("full");

        List<OutboxMessage> messages = outboxFor(jobId);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.exchange()).isEqualTo("etl.extract");
            // Full extractions wait in etl.extract.github.backfill, behind no incremental sync.
            assertThat(message.routingKey()).isEqualTo("github.backfill");
            ExtractJobMessage body = new JobMessageCodec().decode(message.body(), ExtractJobMessage.class);
            assertThat(body.jobId()).isEqualTo(jobId);
            assertThat(body.tenantId()).hasToString(tenant.id());
            assertThat(body.integrationId()).hasToString(integrationId);
            assertThat(body.integrationType()).isEqualTo("github");
            assertThat(body.entityType()).isEqualTo("github_issues");
            assertThat(body.mode()).isEqualTo("full");
        });
    }

    @Test
    void extractsEveryEntityTypeIncrementallyWhenTheRequestNamesNone() {
        ApiClient.Response accepted = enqueue("{\"integration_id\":\"%s\"}");

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode enqueuedJobs = accepted.json().get("jobs");
        assertThat(enqueuedJobs.valueStream().map(job -> job.get("entity_type").asString())).containsExactly(
                "github_repositories", "github_issues", "github_pull_requests", "github_commits", "github_issue_comments");
        UUID jobId = UUID.fromString(enqueuedJobs.get(0).get("id").asString());
        assertThat(jobs.find(jobId)).map(Job::mode).contains("incremental");
    }

    @Test
    void wakesTheOutboxRelayOnceTheJobsAreCommitted() {
        ApiClient.Response accepted = enqueue("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\"]}");

        UUID jobId = UUID.fromString(accepted.json().get("jobs").get(0).get("id").asString());
        assertThat(enqueued.events).anySatisfy(event -> {
            assertThat(event.jobIds()).containsExactly(jobId);
            assertThat(event.integrationId()).hasToString(integrationId);
        });
    }

    @Test
    void showsAJobWithItsChildJobsInTheContractShape() {
        String jobId = enqueue("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\"],\"mode\":\"full\"}").json()
                .get("jobs").get(0).get("id").asString();
        Job parent = jobs.find(UUID.fromString(jobId)).orElseThrow();
        jdbi.useHandle(h -> jobs.insert(h, NewJob.transform(parent.id(), parent.tenantId(),
                parent.integrationId(), "github", "github_issues", UUID.randomUUID())));

        ApiClient.Response detail = api.get("/api/v1/jobs/" + jobId, tenant.apiKey());

        assertThat(detail.status()).isEqualTo(200);
        GoldenJson.assertMatches("jobs/extract-job-with-child.json", detail.json());
        assertThat(detail.json().get("children").get(0).get("parent_id").asString()).isEqualTo(jobId);
    }

    @Test
    void listsJobsNewestFirstFilteredByIntegrationAndStatus() {
        String older = enqueue("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\"]}").json().get("jobs").get(0)
                .get("id").asString();
        String newer = enqueue("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\"]}").json().get("jobs").get(0)
                .get("id").asString();
        String otherIntegration = aGithubIntegration(api, tenant);
        api.post("/api/v1/extractions", tenant.apiKey(), "{\"integration_id\":\"" + otherIntegration + "\"}");

        JsonNode listed = api.get("/api/v1/jobs?integration_id=" + integrationId + "&status=queued", tenant.apiKey())
                .json().get("jobs");
        assertThat(listed.valueStream().map(job -> job.get("id").asString())).containsExactly(newer, older);
        assertThat(listed.get(0).has("children")).isFalse();
        assertThat(api.get("/api/v1/jobs?integration_id=" + integrationId + "&limit=1", tenant.apiKey())
                .json().get("jobs").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/jobs?integration_id=" + integrationId + "&status=running", tenant.apiKey())
                .json().get("jobs").size()).isZero();
    }

    @Test
    void refusesBadListFiltersNamingTheParameter() {
        assertProblem(api.get("/api/v1/jobs?status=done", tenant.apiKey()), 400, "status");
        assertProblem(api.get("/api/v1/jobs?limit=0", tenant.apiKey()), 400, "limit");
        assertProblem(api.get("/api/v1/jobs?limit=501", tenant.apiKey()), 400, "limit");
        assertProblem(api.get("/api/v1/jobs?limit=ten", tenant.apiKey()), 400, "limit");
        assertProblem(api.get("/api/v1/jobs?integration_id=nope", tenant.apiKey()), 400, "integration_id");
        assertProblem(api.get("/api/v1/jobs/not-a-uuid", tenant.apiKey()), 400, "id");
    }

    @Test
    void refusesAnUnknownEntityTypeNamingItsPosition() {
        ApiClient.Response refused = enqueue("{\"integration_id\":\"%s\",\"entities\":[\"github_issues\",\"github_wikis\"]}");

        assertProblem(refused, 400, "entities[1]");
        assertThat(refused.text("detail")).contains("github_wikis");
        assertThat(jobs.list(new JobQuery(UUID.fromString(tenant.id()), null, null, null,
                null, null, 10))).isEmpty();
    }

    @Test
    void refusesAnUnknownModeAndAnEmptyEntityList() {
        assertProblem(enqueue("{\"integration_id\":\"%s\",\"mode\":\"partial\"}"), 400, "mode");
        assertProblem(enqueue("{\"integration_id\":\"%s\",\"entities\":[]}"), 400, "entities");
        assertProblem(api.post("/api/v1/extractions", tenant.apiKey(), "{\"mode\":\"full\"}"), 400, "integration_id");
    }

    @Test
    void answersNotFoundForAnUnknownIntegration() {
        assertProblem(api.post("/api/v1/extractions", tenant.apiKey(),
                "{\"integration_id\":\"" + UUID.randomUUID() + "\"}"), 404, "integration_id");
    }

    @Test
    void refusesADisabledIntegrationWithConflict() {
        integrations.setEnabled(UUID.fromString(integrationId), false);

        assertProblem(enqueue("{\"integration_id\":\"%s\"}"), 409, "integration_id");
    }

    private ApiClient.Response enqueue(String template) {
        return api.post("/api/v1/extractions", tenant.apiKey(), template.formatted(integrationId));
    }

    private List<OutboxMessage> outboxFor(UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, exchange, routing_key, message_id, body from etl.outbox where message_id = :id""")
                .bind("id", jobId.toString())
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"), rs.getString("exchange"),
                        rs.getString("routing_key"), rs.getString("message_id"), rs.getBytes("body")))
                .list());
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).isEqualTo(field);
    }

    @TestConfiguration
    static class EnqueuedEventsConfiguration {

        @Bean
        EnqueuedEvents enqueuedEvents() {
            return new EnqueuedEvents();
        }
    }

    static class EnqueuedEvents {

        final List<JobsEnqueued> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(JobsEnqueued event) {
            events.add(event);
        }
    }
}
