package io.etlfleet.storage.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Fixtures.TenantIntegration;
import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JobStoreIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static JobStore jobs;
    private static TenantIntegration owner;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("job_store");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        jobs = new JobStore(jdbi);
        owner = Fixtures.aGithubIntegration(jdbi);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private NewJob aQueuedJob() {
        NewJob job = NewJob.extract(owner.tenantId(), owner.integrationId(), "github", "github_issues", "incremental");
        jdbi.useHandle(h -> jobs.insert(h, job));
        return job;
    }

    @Test
    void aClaimedJobCannotBeClaimedAgainWhileItsWorkerIsAlive() {
        NewJob job = aQueuedJob();

        assertThat(jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)))
                .hasValueSatisfying(claimed -> {
                    assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
                    assertThat(claimed.attempts()).isEqualTo(1);
                    assertThat(claimed.workerId()).isEqualTo("worker-a");
                });
        assertThat(jobs.claim(job.id(), "worker-b", Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void aRunningJobWithAStaleHeartbeatIsReclaimed() {
        NewJob job = aQueuedJob();
        jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jdbi.useHandle(h -> h.execute("update etl.etl_jobs set heartbeat_at = now() - interval '5 minutes' where id = ?", job.id()));

        assertThat(jobs.stale(Duration.ofMinutes(1), 10)).extracting(Job::id).contains(job.id());
        assertThat(jobs.claim(job.id(), "worker-b", Duration.ofMinutes(1)))
                .hasValueSatisfying(claimed -> assertThat(claimed.attempts()).isEqualTo(2));
    }

    @Test
    void aTerminalJobIsNeitherClaimedNorMovedAgain() {
        NewJob job = aQueuedJob();
        jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        Job done = jobs.transition(job.id(), JobStatus.SUCCEEDED, null, Map.of("records_stored", 3L));

        assertThat(done.finishedAt()).isNotNull();
        assertThat(done.counts()).containsEntry("records_stored", 3L);
        assertThat(jobs.claim(job.id(), "worker-b", Duration.ZERO)).isEmpty();
        assertThatThrownBy(() -> jobs.transition(job.id(), JobStatus.RUNNING, null, null))
                .isInstanceOf(IllegalJobTransitionException.class)
                .hasMessageContaining("from succeeded to running");
    }

    @Test
    void checkpointsAreOnlyWrittenWhileRunning() {
        NewJob job = aQueuedJob();
        assertThatThrownBy(() -> jdbi.useHandle(h -> jobs.saveCheckpoint(h, job.id(), "worker-a", "{}", Map.of())))
                .isInstanceOf(IllegalJobTransitionException.class);

        jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jdbi.useHandle(h -> jobs.saveCheckpoint(h, job.id(), "worker-a", "{\"next_url\":\"u\"}", Map.of("pages", 1L)));

        assertThatThrownBy(() -> jdbi.useHandle(h -> jobs.saveCheckpoint(h, job.id(), "zombie", "{}", Map.of())))
                .isInstanceOf(IllegalJobTransitionException.class);
        Job stored = jobs.find(job.id()).orElseThrow();
        assertThat(stored.checkpoint()).contains("next_url");
        assertThat(stored.counts()).containsEntry("pages", 1L);
    }

    @Test
    void eachScopeCheckpointReplacesOnlyItsOwnEntryAndAddsItsCounts() {
        NewJob job = aQueuedJob();
        jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jdbi.useHandle(h -> jobs.saveCheckpoint(h, job.id(), "worker-a", "{\"scopes\":{}}", Map.of("pages", 2L)));

        boolean cancel = jdbi.inTransaction(h -> jobs.saveScopeCheckpoint(h, job.id(), "worker-a", "acme/a",
                "{\"resume\":{\"page\":\"2\"}}", Map.of("pages", 1L, "records_stored", 100L)));
        jdbi.useTransaction(h -> jobs.saveScopeCheckpoint(h, job.id(), "worker-a", "acme/b", "{\"done\":true}",
                Map.of("pages", 1L, "records_stored", 40L, "not_modified", 1L)));
        jdbi.useTransaction(h -> jobs.saveScopeCheckpoint(h, job.id(), "worker-a", "acme/a",
                "{\"resume\":{\"page\":\"3\"}}", Map.of("pages", 1L)));

        Job stored = jobs.find(job.id()).orElseThrow();
        assertThat(cancel).isFalse();
        assertThat(stored.checkpoint()).contains("\"acme/a\": {\"resume\": {\"page\": \"3\"}}")
                .contains("\"acme/b\": {\"done\": true}");
        assertThat(stored.counts()).containsEntry("pages", 5L).containsEntry("records_stored", 140L)
                .containsEntry("not_modified", 1L);
        assertThatThrownBy(() -> jdbi.useTransaction(h -> jobs.saveScopeCheckpoint(h, job.id(), "zombie", "acme/a",
                "{\"done\":true}", Map.of()))).isInstanceOf(IllegalJobTransitionException.class);
    }

    @Test
    void listsChildrenAndFiltersByTenant() {
        NewJob parent = aQueuedJob();
        NewJob child = NewJob.transform(parent.id(), owner.tenantId(), owner.integrationId(), "github", "github_issues",
                java.util.UUID.randomUUID());
        jdbi.useHandle(h -> jobs.insert(h, child));

        assertThat(jobs.children(parent.id())).extracting(Job::id).containsExactly(child.id());
        assertThat(jobs.findForTenant(java.util.UUID.randomUUID(), parent.id())).isEmpty();
        List<Job> listed = jobs.list(new JobQuery(owner.tenantId(), null, JobStatus.QUEUED, JobKind.TRANSFORM, null, null, 10));
        assertThat(listed).extracting(Job::id).contains(child.id()).doesNotContain(parent.id());
    }
}
