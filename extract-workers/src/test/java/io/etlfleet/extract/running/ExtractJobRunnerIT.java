package io.etlfleet.extract.running;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.Connectors;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.crypto.MasterKey;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.integrations.NewIntegration;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.tenants.TenantStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The extract runner against real PostgreSQL and the sample GitHub source over HTTP (no broker involved). */
class ExtractJobRunnerIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static Connectors connectors;
    private static IntegrationStore integrations;

    private SampleSource source;
    private Integration integration;
    private ExtractJobRunner runner;
    private final AtomicInteger relayWakes = new AtomicInteger();
    private final JobStore jobs = new JobStore(jdbi);

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("extract_runner");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        connectors = Connectors.standard();
        integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
    }

    @AfterAll
    static void dropDatabase() {
        connectors.close();
        database.close();
    }

    @BeforeEach
    void startSource() {
        // 250 listing items per repository (every 5th a pull request): three pages of 100.
        source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(List.of("acme/widgets", "acme/gadgets")).issuesPerRepository(250).build());
        var tenant = new TenantStore(jdbi).create("tenant-" + System.nanoTime());
        integration = integrations.create(new NewIntegration(tenant.id(), "github", "sample", """
                {"base_url":"%s","repositories":["acme/widgets","acme/gadgets"]}""".formatted(source.githubBaseUrl()),
                Map.of("token", SampleSourceOptions.DEFAULT_TOKEN)));
        runner = new ExtractJobRunner(jdbi, integrations, connectors::factory, new JobMessageCodec(), "worker-1",
                Duration.ofMinutes(1), relayWakes::incrementAndGet, Clock.systemUTC());
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    private ExtractJobMessage enqueue(String mode) {
        NewJob job = NewJob.extract(integration.tenantId(), integration.id(), "github", "github_issues", mode);
        jdbi.useTransaction(h -> jobs.insert(h, job));
        return ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(), "github", "github_issues", mode, null);
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("integration", integration.id()).mapTo(Long.class).one());
    }

    @Test
    void aFullRunStoresEveryIssueAndOneTransformJobPerPageWithItsOutboxMessage() {
        Job done = runner.run(enqueue("full"), false, () -> false).orElseThrow();

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.counts()).containsEntry("pages", 6L).containsEntry("records_stored", 400L)
                .containsEntry("transform_jobs", 6L);
        assertThat(count("select count(*) from etl.raw_extraction_data where integration_id = :integration")).isEqualTo(400);
        assertThat(count("select count(*) from etl.etl_jobs where integration_id = :integration and kind = 'transform'"))
                .isEqualTo(6);
        assertThat(count("select count(*) from etl.outbox where routing_key = 'github' and exchange = 'etl.transform'"
                + " and cast(:integration as text) is not null")).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from etl.sync_state where integration_id = :integration")).isEqualTo(2);
        assertThat(relayWakes.get()).isEqualTo(6);
    }

    @Test
    void anIncrementalRunWithoutChangesStoresNothingAndAsksOnePagePerRepository() {
        runner.run(enqueue("full"), false, () -> false).orElseThrow();
        source.requests().reset();

        Job done = runner.run(enqueue("incremental"), false, () -> false).orElseThrow();

        assertThat(done.counts()).containsEntry("records_stored", 0L).containsEntry("transform_jobs", 0L);
        assertThat(source.requests().count("/repos/acme/widgets/issues")).isEqualTo(1);
        assertThat(source.requests().count("/repos/acme/gadgets/issues")).isEqualTo(1);
    }

    @Test
    void aStoppedJobIsHandedBackAndResumesFromItsLastCommittedPage() {
        ExtractJobMessage message = enqueue("full");
        AtomicInteger pages = new AtomicInteger();

        Job handedBack = runner.run(message, false, () -> pages.incrementAndGet() > 2).orElseThrow();

        assertThat(handedBack.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(handedBack.checkpoint()).contains("next_url");
        long requestsBeforeResume = source.requests().total();
        assertThat(requestsBeforeResume).isBetween(1L, 5L);
        Job done = runner.run(message, false, () -> false).orElseThrow();

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.counts()).containsEntry("records_stored", 400L).containsEntry("pages", 6L);
        // Six pages in all across both runs: the resumed run fetched only those not yet committed.
        assertThat(source.requests().total()).isEqualTo(6);
        assertThat(count("select count(*) from etl.raw_extraction_data where integration_id = :integration")).isEqualTo(400);
    }

    @Test
    void aDuplicateDeliveryOfAFinishedJobDoesNothing() {
        ExtractJobMessage message = enqueue("full");
        runner.run(message, false, () -> false).orElseThrow();
        source.requests().reset();

        assertThat(runner.run(message, false, () -> false)).isEmpty();
        assertThat(source.requests().total()).isZero();
    }

    @Test
    void badCredentialsFailTheJobPermanently() {
        var tenant = new TenantStore(jdbi).create("tenant-bad-" + System.nanoTime());
        integration = integrations.create(new NewIntegration(tenant.id(), "github", "bad", """
                {"base_url":"%s","repositories":["acme/widgets"]}""".formatted(source.githubBaseUrl()),
                Map.of("token", "wrong-token")));
        ExtractJobMessage message = enqueue("full");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.run(message, false, () -> false))
                .isInstanceOf(io.etlfleet.integrations.spi.ConnectorException.class)
                .satisfies(e -> assertThat(((io.etlfleet.integrations.spi.ConnectorException) e).retriable()).isFalse())
                .hasMessageNotContaining("wrong-token");
        Job failed = jobs.find(message.jobId()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).doesNotContain("wrong-token");
    }

    // Cancel requests: at once when the job waits, at the next page boundary when it runs.

    @Test
    void aQueuedJobIsCancelledAtOnceAndItsDeliveryDoesNothing() {
        ExtractJobMessage message = enqueue("full");

        Job cancelled = new JobStore(jdbi).cancel(message.jobId()).orElseThrow();

        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(runner.run(message, false, () -> false)).isEmpty();
        assertThat(source.requests().total()).isZero();
    }

    @Test
    void aRunningJobStopsAtTheNextPageBoundaryAndKeepsItsCommittedPages() {
        ExtractJobMessage message = enqueue("full");
        AtomicInteger checks = new AtomicInteger();

        // The request arrives while the second page is being fetched.
        Job ended = runner.run(message, false, () -> {
            if (checks.incrementAndGet() == 2) {
                new JobStore(jdbi).cancel(message.jobId());
            }
            return false;
        }).orElseThrow();

        assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(ended.error()).isEqualTo("cancelled on request");
        long pages = ended.counts().get("pages");
        assertThat(pages).isBetween(1L, 5L);
        // A repository's listing reads one page ahead of its commit: a stop drops at most that page,
        // and a repository whose last page committed sent nothing more.
        long committedTotal = 0;
        for (String repository : List.of("acme/widgets", "acme/gadgets")) {
            long committed = jdbi.withHandle(h -> h.createQuery("""
                    select count(distinct batch_id) from etl.raw_extraction_data
                    where integration_id = :integration and extraction_metadata ->> 'scope' = :scope""")
                    .bind("integration", integration.id()).bind("scope", repository).mapTo(Long.class).one());
            long requested = source.requests().count("/repos/" + repository + "/issues");
            assertThat(requested).as(repository).isBetween(committed, committed == 3 ? 3 : committed + 1);
            committedTotal += committed;
        }
        assertThat(committedTotal).isEqualTo(pages);
        // Every committed page kept its raw rows and its transform job.
        assertThat(count("select count(*) from etl.etl_jobs where integration_id = :integration and kind = 'transform'"))
                .isEqualTo(pages);
        assertThat(runner.run(message, false, () -> false)).isEmpty();
    }

    @Test
    void aFinishedJobIgnoresACancelRequest() {
        ExtractJobMessage message = enqueue("full");
        runner.run(message, false, () -> false).orElseThrow();

        assertThat(new JobStore(jdbi).cancel(message.jobId()).orElseThrow().status())
                .isEqualTo(JobStatus.SUCCEEDED);
    }
}
