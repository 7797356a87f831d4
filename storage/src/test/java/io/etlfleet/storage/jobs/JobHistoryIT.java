package io.etlfleet.storage.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Fixtures.TenantIntegration;
import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JobHistoryIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static JobStore jobs;
    private static JobHistory history;
    private static TenantIntegration owner;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("job_history");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        jobs = new JobStore(jdbi);
        history = new JobHistory(jdbi);
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
    void recordsEveryStatusAJobEntersWithItsReason() {
        NewJob job = aQueuedJob();
        jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jobs.transition(job.id(), JobStatus.RETRYING, "source answered 503", null);
        jobs.claim(job.id(), "worker-b", Duration.ofMinutes(1)).orElseThrow();
        jobs.transition(job.id(), JobStatus.FAILED, "source answered 401", null);

        List<String> timeline = history.timeline(job.id()).stream().map(e -> e.status() + ":" + e.message()).toList();

        assertThat(timeline).containsExactly("queued:extract job created", "running:claimed by worker-a",
                "retrying:source answered 503", "running:claimed by worker-b", "failed:source answered 401");
    }

    @Test
    void recordsAJobHandedBackByTheStaleReclaimer() {
        NewJob job = aQueuedJob();
        jobs.claim(job.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jdbi.useHandle(h -> h.execute("update etl.etl_jobs set heartbeat_at = now() - interval '1 hour' where id = ?",
                job.id()));

        boolean reclaimed = jdbi.inTransaction(h -> jobs.reclaimIfStale(h, job.id(), Duration.ofSeconds(30)));

        assertThat(reclaimed).isTrue();
        assertThat(history.timeline(job.id()).get(2).status()).isEqualTo("queued");
        assertThat(history.timeline(job.id()).get(2).message()).contains("heart-beating");
    }

    @Test
    void cancelsQueuedJobsAtOnceFlagsRunningOnesAndLeavesFinishedOnes() {
        NewJob queued = aQueuedJob();
        NewJob running = aQueuedJob();
        NewJob finished = aQueuedJob();
        jobs.claim(running.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jobs.claim(finished.id(), "worker-a", Duration.ofMinutes(1)).orElseThrow();
        jobs.transition(finished.id(), JobStatus.SUCCEEDED, null, null);

        assertThat(jobs.cancel(queued.id()).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        Job flagged = jobs.cancel(running.id()).orElseThrow();
        assertThat(flagged.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(flagged.cancelRequestedAt()).isNotNull();
        assertThat(jobs.cancelRequested(running.id())).isTrue();
        assertThat(jobs.cancelRequested(queued.id())).isFalse();
        assertThat(jobs.cancel(finished.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(jobs.cancel(UUID.randomUUID())).isEmpty();
        assertThat(history.activeJobs(owner.integrationId())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void countsJobsOfTheCurrentHourByStatus() {
        TenantIntegration other = Fixtures.aGithubIntegration(jdbi);
        NewJob job = NewJob.extract(other.tenantId(), other.integrationId(), "github", "github_issues", "full");
        jdbi.useHandle(h -> jobs.insert(h, job));

        List<HourlyJobCount> counts = history.countsByHour(other.tenantId(), 1);

        assertThat(counts).hasSize(1);
        assertThat(counts.get(0).status()).isEqualTo("queued");
        assertThat(counts.get(0).count()).isEqualTo(1);
        assertThat(counts.get(0).hour().getEpochSecond() % 3600).isZero();
    }
}
