package io.etlfleet.api;

import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.security.SecureRandom;
import java.util.Base64;
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
            return new TestBackend(database, TestServices.rabbit().createVhost(label));
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** Points the app at this backend; values are read when the context starts. */
    public static void register(DynamicPropertyRegistry registry, Supplier<TestBackend> backend) {
        registry.add("spring.datasource.url", () -> backend.get().database.url());
        registry.add("spring.datasource.username", () -> backend.get().database.user());
        registry.add("spring.datasource.password", () -> backend.get().database.password());
        registry.add("etl.rabbitmq-uri", () -> backend.get().vhost.amqpUri());
        registry.add("etl.api.admin-token", () -> ADMIN_TOKEN);
        registry.add("etl.master-key", () -> backend.get().masterKey);
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
