package io.etlfleet.extract.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.etlfleet.extract.fairness.BackfillGate;
import io.etlfleet.extract.metrics.ExtractMetrics;
import io.etlfleet.extract.running.ExtractJobHandler;
import io.etlfleet.extract.running.ExtractJobRunner;
import io.etlfleet.integrations.Connectors;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.DeliveryContext;
import io.etlfleet.queue.consume.Disposition;
import io.etlfleet.queue.consume.JobConsumer;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.Topology;
import io.etlfleet.queue.topology.TopologySettings;
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
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import io.etlfleet.storage.tenants.TenantStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A GitHub job whose shared budget is spent, through the real consume flow (RabbitMQ retry
 * tiers, PostgreSQL budget): it is deferred without spending an attempt and succeeds once the
 * budget resets, without a request to GitHub before then.
 */
class RateLimitDeferralIT {

    private static final String TOKEN = SampleSourceOptions.DEFAULT_TOKEN;
    private static TestDatabase database;
    private static TestVhost vhost;
    private static Jdbi jdbi;
    private static CachingConnectionFactory rabbit;
    private static TopologySettings topology;

    @BeforeAll
    static void createDatabaseAndVhost() {
        database = TestServices.postgres().createDatabase("rate_limit_deferral");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        vhost = TestServices.rabbit().createVhost("rate_limit_deferral");
        rabbit = RabbitConnections.create(vhost.amqpUri(), "rate-limit-deferral-it");
        topology = TopologySettings.defaults().withRetryDelays(Duration.ofMillis(200), Duration.ofMillis(500),
                Duration.ofSeconds(1));
        new Topology(rabbit, topology).declare();
    }

    @AfterAll
    static void dropDatabaseAndVhost() {
        rabbit.destroy();
        vhost.close();
        database.close();
    }

    @Test
    void aJobWhoseSharedBudgetIsSpentIsDeferredWithoutAnAttemptAndSucceedsAfterTheReset() throws Exception {
        try (SampleSource source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(List.of("acme/widgets")).issuesPerRepository(250).everyNthIsPullRequest(0).build());
                Connectors connectors = Connectors.standard(new ConnectorServices(
                        new DatabaseRateLimitBudgets(new RateLimitBudgetRepository(jdbi)),
                        new DatabaseEtagStore(new EtagRepository(jdbi))))) {
            IntegrationStore integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
            var tenant = new TenantStore(jdbi).create("tenant-" + System.nanoTime());
            Integration integration = integrations.create(new NewIntegration(tenant.id(), "github", "limited", """
                    {"base_url":"%s","repositories":["acme/widgets"],"max_rate_limit_wait_seconds":0}"""
                    .formatted(source.githubBaseUrl()), Map.of("token", TOKEN)));
            Instant reset = Instant.now().plusSeconds(3);
            // Another worker spent this token's budget; it resets in three seconds.
            new RateLimitBudgetRepository(jdbi).observe(fingerprint(TOKEN), "core", null, 5000, 0, 5000, reset);
            JobStore jobs = new JobStore(jdbi);
            NewJob job = NewJob.extract(tenant.id(), integration.id(), "github", "github_issues", "full");
            jdbi.useTransaction(h -> jobs.insert(h, job));

            JobMessageCodec codec = new JobMessageCodec();
            ConfirmedPublisher publisher = new ConfirmedPublisher(rabbit);
            ExtractJobRunner runner = new ExtractJobRunner(jdbi, integrations, connectors::factory, codec, "worker-1",
                    Duration.ofMinutes(1), () -> { }, Clock.systemUTC());
            ExtractJobHandler handler = new ExtractJobHandler(runner, new BackfillGate(type -> 1, Duration.ofSeconds(1)),
                    new ExtractMetrics(new SimpleMeterRegistry()), 3, () -> false, Clock.systemUTC());
            List<DeliveryContext> deliveries = new CopyOnWriteArrayList<>();
            List<Long> requestsSeenAtDelivery = new CopyOnWriteArrayList<>();
            // A full extraction travels on the type's backfill queue.
            try (JobConsumer consumer = new JobConsumers(rabbit, publisher, topology).create(
                    QueueNames.extractBackfillQueue("github"), ExtractJobMessage.class, (message, context) -> {
                        deliveries.add(context);
                        requestsSeenAtDelivery.add(source.requests().total());
                        handler.handle(message, context);
                    }, failure -> Disposition.RETRY, ConsumerSettings.of("extract", "worker-1").withMaxAttempts(3))) {
                consumer.start();
                publisher.publishExtractJob(ExtractJobMessage.of(job.id(), tenant.id(), integration.id(), "github",
                        "github_issues", "full", null));

                await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(job.id()).orElseThrow().status().terminal());
            }

            Job done = jobs.find(job.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(done.counts()).containsEntry("records_stored", 250L).containsEntry("requests", 3L);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(deliveries).hasSizeGreaterThanOrEqualTo(2).allSatisfy(d -> assertThat(d.attempt()).isEqualTo(1));
            // No request reached GitHub while the budget was spent: only the final delivery made any.
            assertThat(requestsSeenAtDelivery.get(requestsSeenAtDelivery.size() - 1)).isZero();
            assertThat(source.requests().total()).isEqualTo(3);
            assertThat(new RabbitTemplate(rabbit).receive(QueueNames.deadLetterQueue(QueueNames.extractBackfillQueue("github"))))
                    .isNull();
        }
    }

    private static String fingerprint(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
