package io.etlfleet.queue;

import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.topology.Topology;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.testing.RabbitService;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A vhost of the real broker owned by one test class, with a connection factory built the
 * way apps build theirs. {@link #close()} deletes the vhost.
 */
public final class TestBroker implements AutoCloseable {

    /** Retry tiers short enough for tests; their names never clash with the production tiers. */
    public static final TopologySettings TOPOLOGY = TopologySettings.defaults()
            .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));

    private final TestVhost vhost;
    private final CachingConnectionFactory connectionFactory;

    private TestBroker(TestVhost vhost) {
        this.vhost = vhost;
        this.connectionFactory = RabbitConnections.create(vhost.amqpUri(), "queue-manager-test");
    }

    public static TestBroker create() {
        return new TestBroker(createVhost(TestServices.rabbit()));
    }

    /** Creates the vhost and declares the fleet topology with the test tiers in it. */
    public static TestBroker withTopology() {
        TestBroker broker = create();
        new Topology(broker.connectionFactory(), TOPOLOGY).declare();
        return broker;
    }

    public TestVhost vhost() {
        return vhost;
    }

    public CachingConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void close() {
        connectionFactory.destroy();
        vhost.close();
    }

    /**
     * {@link RabbitService#createVhost}, or the same over HTTP/1.1 when that fails: the JDK client
     * it uses offers an h2c upgrade, and the management plugin of RabbitMQ 3.10 breaks the
     * connection when a request with a body (the vhost PUT) is upgraded.
     */
    private static TestVhost createVhost(RabbitService rabbit) {
        try {
            return rabbit.createVhost("queue-manager");
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
        }
        String name = ("etl-test-queue-manager-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        put(rabbit, "/api/vhosts/" + encode(name), "{}");
        put(rabbit, "/api/permissions/" + encode(name) + "/" + encode(rabbit.user()),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        return new TestVhost(rabbit, name);
    }

    private static void put(RabbitService rabbit, String path, String body) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rabbit.managementUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (rabbit.user() + ":" + rabbit.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("PUT " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ management API not reachable at " + rabbit.managementUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
