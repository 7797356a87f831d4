package io.etlfleet.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Resolves the real RabbitMQ and PostgreSQL that integration tests run against, in this
 * order: {@code ETL_RABBITMQ_URI} / {@code ETL_DB_URL} (+ {@code ETL_DB_USER},
 * {@code ETL_DB_PASSWORD}); else 127.0.0.1:5672 and :5432 if they answer; else
 * Testcontainers if Docker is available; else the test is skipped, unless
 * {@code ETL_REQUIRE_SERVICES=true}, where a missing service fails it.
 *
 * <p>MariaDB, a source for the JDBC connector's tests, resolves the same way without the
 * Testcontainers step: {@code ETL_MARIADB_URL} (+ {@code ETL_MARIADB_USER},
 * {@code ETL_MARIADB_PASSWORD}); else 127.0.0.1:3306 as {@code root} without a password
 * if it answers; else skip (or fail under {@code ETL_REQUIRE_SERVICES=true}).
 *
 * <p>Each resolution happens once per JVM; isolation per test class comes from
 * {@link PostgresService#createDatabase} and {@link RabbitService#createVhost}.
 */
public final class TestServices {

    private static PostgresService postgres;
    private static RabbitService rabbit;
    private static MariadbService mariadb;

    private TestServices() {
    }

    public static synchronized PostgresService postgres() {
        if (postgres == null) {
            postgres = resolvePostgres().orElse(null);
        }
        if (postgres == null) {
            unavailable("PostgreSQL");
        }
        return postgres;
    }

    public static synchronized RabbitService rabbit() {
        if (rabbit == null) {
            rabbit = resolveRabbit().orElse(null);
        }
        if (rabbit == null) {
            unavailable("RabbitMQ");
        }
        return rabbit;
    }

    public static synchronized MariadbService mariadb() {
        if (mariadb == null) {
            mariadb = resolveMariadb().orElse(null);
        }
        if (mariadb == null) {
            unavailable("MariaDB");
        }
        return mariadb;
    }

    static boolean servicesRequired() {
        return "true".equalsIgnoreCase(env("ETL_REQUIRE_SERVICES"));
    }

    private static void unavailable(String service) {
        String message = service + " is not reachable (environment, 127.0.0.1 or Docker)";
        if (servicesRequired()) {
            Assertions.fail(message + " and ETL_REQUIRE_SERVICES=true");
        }
        Assumptions.abort(message + "; skipping");
    }

    private static Optional<PostgresService> resolvePostgres() {
        String url = env("ETL_DB_URL");
        String user = Optional.ofNullable(env("ETL_DB_USER")).orElse("postgres");
        String password = Optional.ofNullable(env("ETL_DB_PASSWORD")).orElse("");
        if (url != null) {
            return Optional.of(new PostgresService(url, user, password));
        }
        if (answers("127.0.0.1", 5432)) {
            return Optional.of(new PostgresService("jdbc:postgresql://127.0.0.1:5432/postgres", user, password));
        }
        return Containers.postgres();
    }

    private static Optional<MariadbService> resolveMariadb() {
        String url = env("ETL_MARIADB_URL");
        String user = Optional.ofNullable(env("ETL_MARIADB_USER")).orElse("root");
        String password = Optional.ofNullable(env("ETL_MARIADB_PASSWORD")).orElse("");
        if (url != null) {
            return Optional.of(new MariadbService(url, user, password));
        }
        if (answers("127.0.0.1", 3306)) {
            return Optional.of(new MariadbService("jdbc:mariadb://127.0.0.1:3306/", user, password));
        }
        return Optional.empty();
    }

    private static Optional<RabbitService> resolveRabbit() {
        String uri = env("ETL_RABBITMQ_URI");
        if (uri != null) {
            URI parsed = URI.create(uri);
            String management = Optional.ofNullable(env("ETL_RABBITMQ_MANAGEMENT_URL"))
                    .orElse("http://" + parsed.getHost() + ":15672");
            return Optional.of(RabbitService.fromUri(parsed, URI.create(management)));
        }
        if (answers("127.0.0.1", 5672)) {
            return Optional.of(new RabbitService("127.0.0.1", 5672, "guest", "guest",
                    URI.create(Optional.ofNullable(env("ETL_RABBITMQ_MANAGEMENT_URL")).orElse("http://127.0.0.1:15672"))));
        }
        return Containers.rabbit();
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
