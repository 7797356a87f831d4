package io.etlfleet.extract.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.extract.ratelimits.DatabaseEtagStore;
import io.etlfleet.extract.ratelimits.DatabaseRateLimitBudgets;
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
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import io.etlfleet.storage.tenants.TenantStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The source meters as Prometheus scrapes them, after syncs against the sample source's fake
 * GitHub run by workers that share only the database: the 304s of an ETag re-sync, and the
 * shared budget whichever worker spent it.
 */
class SourceMetricsIT {

    private static final List<String> REPOSITORIES = List.of("acme/widgets", "acme/gadgets");

    private static TestDatabase database;
    private static Jdbi jdbi;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("source_metrics");
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
    void anEtagResyncShowsItsNotModifiedAnswersAndTheSharedBudgetItSpent() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ExtractMetrics metrics = new ExtractMetrics(registry);
        SharedBudgetGauges budgets = new SharedBudgetGauges(new RateLimitBudgetRepository(jdbi), registry,
                Duration.ofSeconds(1), Clock.systemUTC());
        try (SampleSource source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(REPOSITORIES).issuesPerRepository(250).build())) {
            Integration integration = anIntegration(source);

            run(integration, "full", metrics);
            Map<String, String> issues = Map.of("type", "github", "entity_type", "github_issues");
            assertThat(scrape(registry, "etl_source_requests_total", issues)).isEqualTo(6);
            assertThat(scrape(registry, "etl_source_not_modified_total", issues)).isZero();

            run(integration, "incremental", metrics);
            run(integration, "incremental", metrics);
            assertThat(scrape(registry, "etl_source_requests_total", issues)).isEqualTo(6 + 2 + 2);
            assertThat(scrape(registry, "etl_source_not_modified_total", issues)).isEqualTo(2);

            budgets.sample();
            // Ten requests, of which the two answered 304 cost nothing, as on GitHub.
            assertThat(scrape(registry, "etl_source_rate_limit_remaining", Map.of("type", "github", "resource", "core")))
                    .isEqualTo(5000 - 8);
            assertThat(registry.scrape()).doesNotContain(SampleSourceOptions.DEFAULT_TOKEN)
                    .doesNotContain(integration.id().toString());
        }
    }

    private static Integration anIntegration(SampleSource source) {
        IntegrationStore integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
        var tenant = new TenantStore(jdbi).create("tenant-" + System.nanoTime());
        return integrations.create(new NewIntegration(tenant.id(), "github", "sample", """
                {"base_url":"%s","repositories":["acme/widgets","acme/gadgets"]}""".formatted(source.githubBaseUrl()),
                Map.of("token", SampleSourceOptions.DEFAULT_TOKEN)));
    }

    /** Each run with its own connectors, as if on another worker: only the database and the meters are shared. */
    private static void run(Integration integration, String mode, ExtractMetrics metrics) {
        try (Connectors connectors = Connectors.standard(new ConnectorServices(
                new DatabaseRateLimitBudgets(new RateLimitBudgetRepository(jdbi)),
                new DatabaseEtagStore(new EtagRepository(jdbi))))) {
            IntegrationStore integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
            ExtractJobRunner runner = new ExtractJobRunner(jdbi, integrations, connectors::factory, new JobMessageCodec(),
                    "worker-" + mode, Duration.ofMinutes(1), () -> { }, Clock.systemUTC(), null, metrics,
                    ExtractJobRunner.DEFAULT_SCOPE_PARALLELISM);
            NewJob job = NewJob.extract(integration.tenantId(), integration.id(), "github", "github_issues", mode);
            JobStore jobs = new JobStore(jdbi);
            jdbi.useTransaction(h -> jobs.insert(h, job));
            runner.run(ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(), "github", "github_issues",
                    mode, null), false, () -> false).orElseThrow();
        }
    }

    /** The value of the one series of {@code name} whose labels include {@code labels}, from the scrape text. */
    private static double scrape(PrometheusMeterRegistry registry, String name, Map<String, String> labels) {
        Matcher line = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE).matcher(registry.scrape());
        while (line.find()) {
            String tags = line.group(1);
            if (labels.entrySet().stream().allMatch(e -> tags.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no " + name + " with " + labels + " in the scrape");
    }
}
