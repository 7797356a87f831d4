package io.etlfleet.fleet;

import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.stats.QueueKind;
import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The fleet the scaling tests run against: the API, one extract worker for GitHub and one
 * transform worker as processes from their jars, on their own database and vhost, with a
 * sample GitHub answering every request after {@link #PAGE_LATENCY}.
 */
final class ScalingFleet implements AutoCloseable {

    static final Duration PAGE_LATENCY = Duration.ofMillis(50);
    static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();
    static final int MAX_JOBS_PER_INTEGRATION = 2;

    final TestDatabase database;
    final TestVhost vhost;
    final SampleSource source;
    final Jdbi jdbi;
    final CachingConnectionFactory broker;
    final QueueStatistics queues;
    final AppProcess api;
    final AppProcess extract;
    final AppProcess transform;
    final FleetApi client;

    private ScalingFleet(TestDatabase database, TestVhost vhost, SampleSource source, List<AppProcess> apps) {
        this.database = database;
        this.vhost = vhost;
        this.source = source;
        this.jdbi = Jdbi.create(database.url(), database.user(), database.password());
        this.broker = RabbitConnections.create(vhost.amqpUri(), "scaling-it");
        this.queues = new QueueStatistics(broker, TopologySettings.defaults());
        this.api = apps.get(0);
        this.extract = apps.get(1);
        this.transform = apps.get(2);
        this.client = new FleetApi(api.port());
    }

    static ScalingFleet start(List<String> repositories, int issuesPerRepository) throws IOException {
        TestDatabase database = TestServices.postgres().createDatabase("e2e_scaling");
        TestVhost vhost = TestServices.rabbit().createVhost("e2e-scaling");
        SampleSource source = SampleSource.start(SampleSourceOptions.builder().githubRepositories(repositories)
                .issuesPerRepository(issuesPerRepository).everyNthIsPullRequest(0).threads(32).build())
                .latency(PAGE_LATENCY);
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Map<String, String> env = new HashMap<>(Map.of(
                "ETL_DB_URL", database.url(),
                "ETL_DB_USER", database.user(),
                "ETL_DB_PASSWORD", database.password(),
                "ETL_RABBITMQ_URI", vhost.amqpUri(),
                "ETL_ADMIN_TOKEN", ADMIN_TOKEN,
                "ETL_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey),
                "ETL_LOG_FORMAT", "ecs"));
        env.putAll(Map.of(
                "ETL_CONCURRENCY_POLL_INTERVAL", "300ms",
                "ETL_QUEUE_METRICS_INTERVAL", "500ms",
                "ETL_MAX_JOBS_PER_INTEGRATION", Integer.toString(MAX_JOBS_PER_INTEGRATION),
                "ETL_DEFER_DELAY", "1s",
                "ETL_EXTRACT_TYPES", "github",
                "ETL_EXTRACT_CONCURRENCY", "github=2",
                "ETL_TRANSFORM_TYPES", "github"));
        List<AppProcess> apps = new ArrayList<>();
        try {
            apps.add(AppProcess.start("backend-api", freePort(), env));
            apps.add(AppProcess.start("extract-workers", freePort(), env));
            apps.add(AppProcess.start("transform-workers", freePort(), env));
            for (AppProcess app : apps) {
                app.awaitHealthy(Duration.ofSeconds(120));
            }
            return new ScalingFleet(database, vhost, source, apps);
        } catch (IOException | RuntimeException | Error e) {
            for (AppProcess app : apps) {
                closeQuietly(app);
            }
            source.close();
            vhost.close();
            database.close();
            throw e;
        }
    }

    int consumers(String queue) {
        return queues.of(queue, QueueKind.EXTRACT).orElseThrow().consumers();
    }

    /** A tenant's API key and a GitHub integration over {@code repositories} of the sample source. */
    String[] tenantWithIntegration(String name, List<String> repositories) throws IOException, InterruptedException {
        String key = client.post(ADMIN_TOKEN, "/tenants", "{\"name\":\"" + name + "\"}", 201).path("api_key").asString();
        String repos = String.join("\",\"", repositories);
        String integration = client.post(key, "/integrations", """
                {"type":"github","name":"%s","config":{"base_url":"%s","repositories":["%s"]},
                 "credentials":{"token":"%s"}}""".formatted(name, source.githubBaseUrl(), repos,
                SampleSourceOptions.DEFAULT_TOKEN), 201).path("id").asString();
        return new String[] {key, integration};
    }

    @Override
    public void close() {
        for (AppProcess app : new AppProcess[] {api, extract, transform}) {
            closeQuietly(app);
        }
        broker.destroy();
        source.close();
        vhost.close();
        database.close();
    }

    private static void closeQuietly(AppProcess app) {
        try {
            app.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
