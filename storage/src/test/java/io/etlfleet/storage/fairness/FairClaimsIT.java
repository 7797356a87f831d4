package io.etlfleet.storage.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Fixtures.TenantIntegration;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class FairClaimsIT {

    private static final Duration STALE_AFTER = Duration.ofMinutes(1);

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static JobStore jobs;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("fair_claims");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        jobs = new JobStore(jdbi);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void claimsUpToTheCapAndDefersTheRestOfThatIntegrationOnly() {
        TenantIntegration busy = Fixtures.aGithubIntegration(jdbi);
        TenantIntegration other = Fixtures.aGithubIntegration(jdbi);
        FairClaims claims = new FairClaims(jdbi, jobs, 2);
        List<NewJob> queued = List.of(aQueuedJob(busy), aQueuedJob(busy), aQueuedJob(busy));

        assertThat(claims.claim(queued.get(0).id(), busy.integrationId(), "w1", STALE_AFTER).job()).isPresent();
        assertThat(claims.claim(queued.get(1).id(), busy.integrationId(), "w2", STALE_AFTER).job()).isPresent();
        FairClaims.Outcome third = claims.claim(queued.get(2).id(), busy.integrationId(), "w3", STALE_AFTER);

        assertThat(third.atCap()).isTrue();
        assertThat(third.running()).isEqualTo(2);
        assertThat(jobs.find(queued.get(2).id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        NewJob elsewhere = aQueuedJob(other);
        assertThat(claims.claim(elsewhere.id(), other.integrationId(), "w3", STALE_AFTER).job()).isPresent();

        jobs.transition(queued.get(0).id(), JobStatus.SUCCEEDED, null, null);
        assertThat(claims.claim(queued.get(2).id(), busy.integrationId(), "w3", STALE_AFTER).job()).isPresent();
    }

    @Test
    void jobsOfDeadWorkersDoNotCountTowardsTheCap() {
        TenantIntegration owner = Fixtures.aGithubIntegration(jdbi);
        NewJob abandoned = aQueuedJob(owner);
        jobs.claim(abandoned.id(), "dead-worker", STALE_AFTER).orElseThrow();
        jdbi.useHandle(h -> h.execute("update etl.etl_jobs set heartbeat_at = now() - interval '5 minutes' where id = ?",
                abandoned.id()));

        NewJob next = aQueuedJob(owner);
        assertThat(new FairClaims(jdbi, jobs, 1).claim(next.id(), owner.integrationId(), "w1", STALE_AFTER).job())
                .isPresent();
    }

    @Test
    void concurrentClaimsOnManyWorkersNeverExceedTheCap() throws Exception {
        TenantIntegration owner = Fixtures.aGithubIntegration(jdbi);
        FairClaims claims = new FairClaims(jdbi, jobs, 3);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            NewJob job = aQueuedJob(owner);
            String worker = "worker-" + i;
            attempts.add(() -> claims.claim(job.id(), owner.integrationId(), worker, STALE_AFTER).job().isPresent());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long claimed = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                claimed += result.get() ? 1 : 0;
            }
            assertThat(claimed).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    private NewJob aQueuedJob(TenantIntegration owner) {
        NewJob job = NewJob.extract(owner.tenantId(), owner.integrationId(), "github", "github_issues", "full");
        jdbi.useHandle(h -> jobs.insert(h, job));
        return job;
    }
}
