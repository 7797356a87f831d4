package io.etlfleet.testing;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/** Testcontainers fallback, used only when no service answers locally and Docker is available. */
final class Containers {

    private Containers() {
    }

    static Optional<PostgresService> postgres() {
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return Optional.of(new PostgresService(container.getJdbcUrl(), container.getUsername(), container.getPassword()));
    }

    static Optional<RabbitService> rabbit() {
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management");
        container.start();
        return Optional.of(new RabbitService(container.getHost(), container.getAmqpPort(),
                container.getAdminUsername(), container.getAdminPassword(),
                URI.create(container.getHttpUrl())));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
