package io.etlfleet.api;

import io.etlfleet.testing.RabbitService;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real services one API test class runs against: its own PostgreSQL database and RabbitMQ
 * vhost, plus a known admin token and a random master key. Close it in {@code @AfterAll}.
 */
public final class TestBackend implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    private final TestDatabase database;
    private final TestVhost vhost;
    private final String masterKey;

    private TestBackend(TestDatabase database, TestVhost vhost) {
        this.database = database;
        this.vhost = vhost;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.masterKey = Base64.getEncoder().encodeToString(key);
    }

    /** Creates the database and vhost; skips the test class when the services are not reachable. */
    public static TestBackend start(String label) {
        TestDatabase database = TestServices.postgres().createDatabase(label);
        try {
            return new TestBackend(database, createVhost(TestServices.rabbit(), label));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /**
     * A vhost of this class's own. Created over HTTP/1.1: {@link RabbitService#createVhost} sends
     * its PUT with the JDK client's default HTTP/2 upgrade, which the management plugin drops.
     */
    private static TestVhost createVhost(RabbitService rabbit, String label) {
        String name = "etl-test-api-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String vhost = URLEncoder.encode(name, StandardCharsets.UTF_8);
        String user = URLEncoder.encode(rabbit.user(), StandardCharsets.UTF_8);
        put(http, rabbit, "/api/vhosts/" + vhost, "{}");
        put(http, rabbit, "/api/permissions/" + vhost + "/" + user,
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        return new TestVhost(rabbit, name);
    }

    private static void put(HttpClient http, RabbitService rabbit, String path, String body) {
        String credentials = Base64.getEncoder()
                .encodeToString((rabbit.user() + ":" + rabbit.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(rabbit.managementUrl().resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("RabbitMQ management PUT " + path + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ management API not reachable at " + rabbit.managementUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Points the app at this backend; values are read when the context starts. */
    public static void register(DynamicPropertyRegistry registry, Supplier<TestBackend> backend) {
        registry.add("spring.datasource.url", () -> backend.get().database.url());
        registry.add("spring.datasource.username", () -> backend.get().database.user());
        registry.add("spring.datasource.password", () -> backend.get().database.password());
        registry.add("spring.rabbitmq.addresses", () -> backend.get().vhost.amqpUri());
        registry.add("etl.admin-token", () -> ADMIN_TOKEN);
        registry.add("etl.master-key", () -> backend.get().masterKey);
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            vhost.close();
        } finally {
            database.close();
        }
    }
}
