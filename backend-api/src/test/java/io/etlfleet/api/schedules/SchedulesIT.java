package io.etlfleet.api.schedules;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
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
        properties = "etl.api.scheduler.interval=100ms")
@DirtiesContext
class SchedulesIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private JobStore jobs;

    private ApiClient api;
    private ScheduleApi schedules;
    private TenantWithKey tenant;
    private String integrationId;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("schedules");
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
        schedules = new ScheduleApi(api, jdbi);
        tenant = aTenant(api);
        integrationId = aGithubIntegration(api, tenant);
    }

    @Test
    void createsAScheduleShowingWhenItRunsNext() {
        Instant before = Instant.now();
        ApiClient.Response created = schedules.create(tenant.apiKey(), """
                {"integration_id":"%s","cron":"0 0 * * * *","entities":["github_issues"]}""".formatted(integrationId));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("integration_id").asString()).isEqualTo(integrationId);
        assertThat(body.get("tenant_id").asString()).isEqualTo(tenant.id());
        assertThat(body.get("cron").asString()).isEqualTo("0 0 * * * *");
        assertThat(body.get("entities").valueStream().map(JsonNode::asString)).containsExactly("github_issues");
        assertThat(body.get("mode").asString()).isEqualTo("incremental");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("last_run_at").isNull()).isTrue();
        assertThat(Instant.parse(body.get("next_run_at").asString()))
                .isEqualTo(before.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
        assertThat(api.get("/api/v1/schedules/" + body.get("id").asString(), tenant.apiKey()).json()).isEqualTo(body);
        assertThat(api.get("/api/v1/schedules?integration_id=" + integrationId, tenant.apiKey()).json()
                .get("schedules").valueStream().map(s -> s.get("id").asString())).containsExactly(body.get("id").asString());
    }

    @Test
    void refusesABadCronNamingTheField() {
        String template = "{\"integration_id\":\"" + integrationId + "\",\"cron\":%s}";
        assertProblem(schedules.create(tenant.apiKey(), template.formatted("\"every day at noon\"")), 400, "cron");
        assertProblem(schedules.create(tenant.apiKey(), template.formatted("\"0 0 25 * * *\"")), 400, "cron");
        assertProblem(schedules.create(tenant.apiKey(), template.formatted("\"0 0 0 30 2 *\"")), 400, "cron");
        assertProblem(schedules.create(tenant.apiKey(), template.formatted("\"\"")), 400, "cron");
        assertProblem(schedules.create(tenant.apiKey(), template.formatted("42")), 400, "cron");
        assertProblem(schedules.create(tenant.apiKey(), "{\"integration_id\":\"" + integrationId + "\"}"), 400, "cron");
        String aSchedule = schedules.aYearlySchedule(tenant.apiKey(), integrationId);
        assertProblem(schedules.patch(tenant.apiKey(), aSchedule, "{\"cron\":\"61 * * * * *\"}"), 400, "cron");
    }

    @Test
    void refusesOtherBadFieldsNamingEach() {
        assertProblem(schedules.create(tenant.apiKey(), """
                {"integration_id":"%s","cron":"@daily","mode":"sometimes"}""".formatted(integrationId)), 400, "mode");
        assertProblem(schedules.create(tenant.apiKey(), """
                {"integration_id":"%s","cron":"@daily","entities":["github_wikis"]}""".formatted(integrationId)),
                400, "entities[0]");
        assertProblem(schedules.create(tenant.apiKey(), """
                {"integration_id":"%s","cron":"@daily","colour":"red"}""".formatted(integrationId)), 400, "colour");
        assertProblem(schedules.create(tenant.apiKey(), "{\"cron\":\"@daily\"}"), 400, "integration_id");
        assertProblem(schedules.create(tenant.apiKey(), """
                {"integration_id":"%s","cron":"@daily"}""".formatted(UUID.randomUUID())), 404, "integration_id");
        assertProblem(api.get("/api/v1/schedules/not-a-uuid", tenant.apiKey()), 400, "id");
    }

    @Test
    void disablingClearsTheNextRunAndEnablingComputesItAgain() {
        String id = schedules.aYearlySchedule(tenant.apiKey(), integrationId);

        JsonNode disabled = schedules.patch(tenant.apiKey(), id, "{\"enabled\":false}").json();
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("next_run_at").isNull()).isTrue();

        JsonNode enabled = schedules.patch(tenant.apiKey(), id, "{\"enabled\":true,\"cron\":\"0 0 * * *\",\"mode\":\"incremental\"}")
                .json();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("cron").asString()).isEqualTo("0 0 * * *");
        assertThat(enabled.get("mode").asString()).isEqualTo("incremental");
        assertThat(Instant.parse(enabled.get("next_run_at").asString()))
                .isEqualTo(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS));
    }

    @Test
    void deletesASchedule() {
        String id = schedules.aYearlySchedule(tenant.apiKey(), integrationId);

        assertThat(schedules.delete(tenant.apiKey(), id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/schedules/" + id, tenant.apiKey()).status()).isEqualTo(404);
        assertThat(schedules.delete(tenant.apiKey(), id).status()).isEqualTo(404);
    }

    @Test
    void anotherTenantsScheduleAnswersNotFound() {
        String id = schedules.aYearlySchedule(tenant.apiKey(), integrationId);
        TenantWithKey other = aTenant(api);

        assertThat(api.get("/api/v1/schedules/" + id, other.apiKey()).status()).isEqualTo(404);
        assertThat(schedules.patch(other.apiKey(), id, "{\"enabled\":false}").status()).isEqualTo(404);
        assertThat(schedules.delete(other.apiKey(), id).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/schedules/" + id + "/runs", other.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/schedules", other.apiKey()).json().get("schedules")).isEmpty();
        assertProblem(schedules.create(other.apiKey(), """
                {"integration_id":"%s","cron":"@daily"}""".formatted(integrationId)), 404, "integration_id");
        assertThat(api.get("/api/v1/schedules/" + id, TestBackend.ADMIN_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aDueScheduleEnqueuesItsExtractJobsAndMovesOnToItsNextRun() {
        String id = schedules.aYearlySchedule(tenant.apiKey(), integrationId);

        schedules.makeDue(List.of(id));

        awaitRuns(id, 1);
        JsonNode schedule = api.get("/api/v1/schedules/" + id, tenant.apiKey()).json();
        assertThat(Instant.parse(schedule.get("next_run_at").asString())).isAfter(Instant.now().plus(Duration.ofDays(1)));
        assertThat(schedule.get("last_run_at").isNull()).isFalse();
        JsonNode run = api.get("/api/v1/schedules/" + id + "/runs", tenant.apiKey()).json().get("runs").get(0);
        assertThat(run.get("outcome").asString()).isEqualTo("enqueued");
        assertThat(run.get("skipped_entities")).isEmpty();
        String jobId = run.get("job_ids").get(0).asString();
        JsonNode job = api.get("/api/v1/jobs/" + jobId, tenant.apiKey()).json();
        assertThat(job.get("kind").asString()).isEqualTo("extract");
        assertThat(job.get("entity_type").asString()).isEqualTo("github_issues");
        assertThat(job.get("mode").asString()).isEqualTo("full");
        assertThat(schedules.extractJobs(integrationId)).isEqualTo(1);
        long messages = jdbi.withHandle(h -> h.createQuery("select count(*) from etl.outbox where message_id = :id")
                .bind("id", jobId).mapTo(Long.class).one());
        assertThat(messages).isEqualTo(1);
    }

    @Test
    void skipsWhileThePreviousRunIsActiveAndEnqueuesOnceItFinished() {
        UUID active = UUID.fromString(anExtractJob(api, tenant, integrationId));
        String id = schedules.aYearlySchedule(tenant.apiKey(), integrationId);

        schedules.makeDue(List.of(id));

        awaitRuns(id, 1);
        JsonNode skipped = api.get("/api/v1/schedules/" + id + "/runs", tenant.apiKey()).json().get("runs").get(0);
        assertThat(skipped.get("outcome").asString()).isEqualTo("skipped");
        assertThat(skipped.get("job_ids")).isEmpty();
        assertThat(skipped.get("skipped_entities").valueStream().map(JsonNode::asString)).containsExactly("github_issues");
        assertThat(skipped.get("reason").asString()).contains("still queued, running or retrying");
        assertThat(schedules.extractJobs(integrationId)).isEqualTo(1);

        jobs.transition(active, JobStatus.RUNNING, null, null);
        schedules.makeDue(List.of(id));
        awaitRuns(id, 2);
        assertThat(schedules.extractJobs(integrationId)).isEqualTo(1);

        jobs.transition(active, JobStatus.SUCCEEDED, null, null);
        schedules.makeDue(List.of(id));
        awaitRuns(id, 3);
        JsonNode enqueued = api.get("/api/v1/schedules/" + id + "/runs", tenant.apiKey()).json().get("runs").get(0);
        assertThat(enqueued.get("outcome").asString()).isEqualTo("enqueued");
        assertThat(enqueued.get("job_ids")).hasSize(1);
        assertThat(schedules.extractJobs(integrationId)).isEqualTo(2);
    }

    @Test
    void aScheduleOfADisabledIntegrationSkipsAndSaysWhy() {
        String id = schedules.aYearlySchedule(tenant.apiKey(), integrationId);
        jdbi.useHandle(h -> h.createUpdate("update etl.integrations set enabled = false where id = :id")
                .bind("id", UUID.fromString(integrationId)).execute());

        schedules.makeDue(List.of(id));

        awaitRuns(id, 1);
        JsonNode run = api.get("/api/v1/schedules/" + id + "/runs", tenant.apiKey()).json().get("runs").get(0);
        assertThat(run.get("outcome").asString()).isEqualTo("skipped");
        assertThat(run.get("reason").asString()).contains("is disabled");
        assertThat(schedules.extractJobs(integrationId)).isZero();
    }

    private void awaitRuns(String scheduleId, long runs) {
        Awaitility.await("schedule " + scheduleId + " fired " + runs + " time(s)").atMost(Duration.ofSeconds(20))
                .until(() -> schedules.runs(scheduleId) >= runs);
        assertThat(schedules.runs(scheduleId)).isEqualTo(runs);
    }

    private static void assertProblem(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("field")).isEqualTo(field);
    }
}
