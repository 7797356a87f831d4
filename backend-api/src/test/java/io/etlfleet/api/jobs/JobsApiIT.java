package io.etlfleet.api.jobs;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.rejections.Rejection;
import io.etlfleet.storage.rejections.RejectionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
class JobsApiIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private JobStore jobs;
    @Autowired
    private Jdbi jdbi;

    private ApiClient api;
    private TenantWithKey tenant;
    private String integrationId;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("jobs_api");
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
    void aTenantWithAnIntegration() {
        api = new ApiClient(port);
        tenant = aTenant(api);
        integrationId = aGithubIntegration(api, tenant);
    }

    @Test
    void aJobShowsTheRecordsItAndItsChildrenRejectedWithTheirIdsAndReasons() {
        UUID job = UUID.fromString(anExtractJob(api, tenant, integrationId));
        var extract = jobs.find(job).orElseThrow();
        var transform = io.etlfleet.storage.jobs.NewJob.transform(job, extract.tenantId(), extract.integrationId(),
                "github", "github_issues", UUID.randomUUID());
        RejectionStore store = new RejectionStore(jdbi);
        jdbi.useTransaction(h -> {
            jobs.insert(h, transform);
            store.add(h, job, extract.tenantId(), extract.integrationId(), "github_issues", Rejection.EXTRACT,
                    List.of(new RejectionStore.NewRejection("acme/app#7", null, "numeric field out of range")));
            store.add(h, transform.id(), extract.tenantId(), extract.integrationId(), "github_issues",
                    Rejection.TRANSFORM, List.of(new RejectionStore.NewRejection("acme/app#9\u0000", 42L,
                            "updated_at is not a timestamp")));
        });

        JsonNode detail = api.get("/api/v1/jobs/" + job, tenant.apiKey()).json();
        ApiClient.Response listed = api.get("/api/v1/jobs/" + job + "/rejections?limit=1", tenant.apiKey());

        assertThat(detail.path("rejections_total").asLong()).isEqualTo(2);
        assertThat(detail.path("rejections").valueStream().map(r -> r.path("external_id").asString()))
                .containsExactly("acme/app#7", "acme/app#9\\u0000");
        assertThat(detail.path("rejections").path(1).path("stage").asString()).isEqualTo("transform");
        assertThat(detail.path("rejections").path(1).path("raw_id").asLong()).isEqualTo(42);
        assertThat(detail.path("rejections").path(1).path("reason").asString()).isEqualTo("updated_at is not a timestamp");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("total").asLong()).isEqualTo(2);
        assertThat(listed.json().path("items")).hasSize(1);
        assertThat(api.get("/api/v1/jobs/" + job + "/rejections?limit=0", tenant.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void cancellingAQueuedJobCancelsItAndRecordsItOnTheTimeline() {
        String job = anExtractJob(api, tenant, integrationId);

        ApiClient.Response cancelled = api.post("/api/v1/jobs/" + job + "/cancel", tenant.apiKey(), "");

        assertThat(cancelled.status()).isEqualTo(202);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        JsonNode detail = api.get("/api/v1/jobs/" + job, tenant.apiKey()).json();
        assertThat(detail.path("timeline").valueStream().map(e -> e.path("status").asString()))
                .containsExactly("queued", "cancelled");
        assertThat(detail.path("finished_at").isNull()).isFalse();
    }

    @Test
    void cancellingARunningJobFlagsItForItsWorkerAndLeavesItRunning() {
        String job = anExtractJob(api, tenant, integrationId);
        jobs.claim(UUID.fromString(job), "worker-1", Duration.ofMinutes(1)).orElseThrow();

        ApiClient.Response flagged = api.post("/api/v1/jobs/" + job + "/cancel", tenant.apiKey(), "");

        assertThat(flagged.status()).isEqualTo(202);
        assertThat(flagged.text("status")).isEqualTo("running");
        assertThat(flagged.json().path("cancel_requested_at").isNull()).isFalse();
        assertThat(jobs.cancelRequested(UUID.fromString(job))).isTrue();
        assertThat(api.get("/api/v1/jobs/" + job, tenant.apiKey()).json().path("timeline").valueStream()
                .map(e -> e.path("status").asString() + ":" + e.path("message").asString()))
                .containsExactly("queued:extract job created", "running:claimed by worker-1",
                        "running:cancel requested; the worker stops at the next page boundary");
    }

    @Test
    void cancellingAFinishedJobIsAConflict() {
        String job = anExtractJob(api, tenant, integrationId);
        finish(job, JobStatus.SUCCEEDED, null);

        ApiClient.Response refused = api.post("/api/v1/jobs/" + job + "/cancel", tenant.apiKey(), "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("field")).isEqualTo("status");
    }

    @Test
    void retryingAFailedJobEnqueuesANewChildJobThroughTheOutbox() {
        String job = anExtractJob(api, tenant, integrationId);
        finish(job, JobStatus.FAILED, "source answered 401");

        ApiClient.Response retried = api.post("/api/v1/jobs/" + job + "/retry", tenant.apiKey(), "");

        assertThat(retried.status()).isEqualTo(202);
        String retry = retried.text("id");
        assertThat(retry).isNotEqualTo(job);
        assertThat(retried.text("status")).isEqualTo("queued");
        assertThat(retried.text("parent_id")).isEqualTo(job);
        assertThat(retried.text("entity_type")).isEqualTo("github_issues");
        long outboxed = jdbi.withHandle(h -> h.createQuery("select count(*) from etl.outbox where message_id = :id")
                .bind("id", retry).mapTo(Long.class).one());
        assertThat(outboxed).isEqualTo(1);
        JsonNode original = api.get("/api/v1/jobs/" + job, tenant.apiKey()).json();
        assertThat(original.path("status").asString()).isEqualTo("failed");
        assertThat(original.path("children").valueStream().map(c -> c.path("id").asString())).containsExactly(retry);
        assertThat(original.path("timeline").valueStream().map(e -> e.path("message").asString()))
                .contains("source answered 401");
    }

    @Test
    void retryingAJobThatDidNotFailIsAConflict() {
        String job = anExtractJob(api, tenant, integrationId);

        assertThat(api.post("/api/v1/jobs/" + job + "/retry", tenant.apiKey(), "").status()).isEqualTo(409);
    }

    @Test
    void pagesThroughEveryJobWithCursorsNewestFirst() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(anExtractJob(api, tenant, integrationId));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/jobs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    tenant.apiKey()).json();
            page.path("jobs").forEach(job -> seen.add(job.path("id").asString()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).hasSize(5).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void countsJobsByHourAndStatus() {
        String cancelled = anExtractJob(api, tenant, integrationId);
        anExtractJob(api, tenant, integrationId);
        api.post("/api/v1/jobs/" + cancelled + "/cancel", tenant.apiKey(), "");

        JsonNode buckets = api.get("/api/v1/jobs/stats?hours=1", tenant.apiKey()).json().path("buckets");

        assertThat(buckets.valueStream().map(b -> b.path("status").asString() + "=" + b.path("count").asLong()))
                .containsExactly("cancelled=1", "queued=1");
        assertThat(buckets.get(0).path("hour").asString()).endsWith(":00:00Z");
    }

    @Test
    void aStatusChangeThatRollsBackLeavesNoTimelineEvent() {
        String job = anExtractJob(api, tenant, integrationId);

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            jobs.transition(h, UUID.fromString(job), JobStatus.CANCELLED, "about to roll back", null);
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(api.get("/api/v1/jobs/" + job, tenant.apiKey()).json().path("timeline")).hasSize(1);
    }

    private void finish(String job, JobStatus status, String error) {
        UUID id = UUID.fromString(job);
        jobs.claim(id, "worker-1", Duration.ofMinutes(1)).orElseThrow();
        jobs.transition(id, status, error, null);
    }
}
