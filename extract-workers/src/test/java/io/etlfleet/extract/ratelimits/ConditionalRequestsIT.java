package io.etlfleet.extract.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.extract.running.ExtractJobRunner;
import io.etlfleet.integrations.Connectors;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.crypto.MasterKey;
import io.etlfleet.storage.etags.EtagRepository;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.integrations.NewIntegration;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import io.etlfleet.storage.tenants.TenantStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** ETags and budgets kept in PostgreSQL across jobs, as two workers would share them. */
class ConditionalRequestsIT {

    private static TestDatabase database;
    private static Jdbi jdbi;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("conditional_requests");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aNoChangeResyncIsAnswered304ThroughoutAndCountedAsNotModified() {
        try (SampleSource source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(List.of("acme/widgets", "acme/gadgets")).issuesPerRepository(250).build())) {
            IntegrationStore integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
            var tenant = new TenantStore(jdbi).create("tenant-" + System.nanoTime());
            Integration integration = integrations.create(new NewIntegration(tenant.id(), "github", "sample", """
                    {"base_url":"%s","repositories":["acme/widgets","acme/gadgets"]}""".formatted(source.githubBaseUrl()),
                    Map.of("token", SampleSourceOptions.DEFAULT_TOKEN)));

            Job full = run(integration, "full", source);
            Job first = run(integration, "incremental", source);
            Job second = run(integration, "incremental", source);

            assertThat(full.counts()).containsEntry("requests", 6L).containsEntry("not_modified", 0L);
            assertThat(first.counts()).containsEntry("requests", 2L);
            assertThat(second.counts()).containsEntry("requests", 2L).containsEntry("not_modified", 2L)
                    .containsEntry("records_fetched", 0L).containsEntry("transform_jobs", 0L);
            long etags = jdbi.withHandle(h -> h.createQuery(
                    "select count(*) from etl.http_etags where integration_id = :id").bind("id", integration.id())
                    .mapTo(Long.class).one());
            // Issues page as a keyset: only a run's first page per repository keeps its ETag (the
            // full run's two, the incremental runs' shared two), since later pages' URLs never recur.
            assertThat(etags).isEqualTo(4);
            assertThat(new RateLimitBudgetRepository(jdbi).forIntegration(integration.id())).singleElement()
                    .satisfies(budget -> assertThat(budget.remaining()).isEqualTo(5000 - 8));
        }
    }

    /** Each run with its own connectors, as if on another worker: only the database is shared. */
    private Job run(Integration integration, String mode, SampleSource source) {
        try (Connectors connectors = Connectors.standard(new ConnectorServices(
                new DatabaseRateLimitBudgets(new RateLimitBudgetRepository(jdbi)),
                new DatabaseEtagStore(new EtagRepository(jdbi))))) {
            IntegrationStore integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
            ExtractJobRunner runner = new ExtractJobRunner(jdbi, integrations, connectors::factory, new JobMessageCodec(),
                    "worker-" + mode, Duration.ofMinutes(1), () -> { }, Clock.systemUTC());
            NewJob job = NewJob.extract(integration.tenantId(), integration.id(), "github", "github_issues", mode);
            JobStore jobs = new JobStore(jdbi);
            jdbi.useTransaction(h -> jobs.insert(h, job));
            return runner.run(ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(), "github",
                    "github_issues", mode, null), false, () -> false).orElseThrow();
        }
    }
}
