package io.etlfleet.runtime.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.runtime.WorkerIdentity;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A worker started from a fleet-wide environment file ({@code ETL_EXTRACT_TYPES=github} next
 * to {@code ETL_EXTRACT_CONCURRENCY=github=2,jira=1}, as compose or Kubernetes share one
 * across per-type processes): the shared configuration (runtime's auto-configuration, real
 * RabbitMQ and PostgreSQL) with a consumer group wired as the extract workers wire theirs,
 * from the environment through {@link WorkerTypes#parse}.
 */
class SharedEnvironmentFileIT {

    private static TestDatabase database;
    private static TestVhost vhost;

    @BeforeAll
    static void createServices() {
        database = TestServices.postgres().createDatabase("shared_env");
        vhost = TestServices.rabbit().createVhost("shared_env");
    }

    @AfterAll
    static void dropServices() {
        if (vhost != null) {
            vhost.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void startsWithItsOwnTypesConcurrencyAndIgnoresTheOtherTypesEntries() {
        try (ConfigurableApplicationContext worker = start("github", "github=2,jira=1")) {
            JobConsumerGroup<?> group = worker.getBean(JobConsumerGroup.class);

            assertThat(group.concurrency()).isEqualTo(Map.of("github", 2));
            RabbitAdmin broker = new RabbitAdmin(worker.getBean(ConnectionFactory.class));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(consumers(broker, QueueNames.extractQueue("github"))).isEqualTo(2));
            assertThat(consumers(broker, QueueNames.extractQueue("jira"))).isZero();
            assertThat(consumers(broker, QueueNames.extractQueue("jdbc"))).isZero();
        }
    }

    @Test
    void refusesToStartWhenAnotherTypesEntryIsMalformed() {
        assertThatThrownBy(() -> start("github", "github=2,jira=x").close())
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ETL_EXTRACT_CONCURRENCY: 'jira=x' is not type=N with N a whole number of at least 1");
    }

    private static ConfigurableApplicationContext start(String types, String concurrency) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("ETL_DB_URL", database.url());
        environment.put("ETL_DB_USER", database.user());
        environment.put("ETL_DB_PASSWORD", database.password());
        environment.put("ETL_DB_MIGRATE", "false");
        environment.put("ETL_RABBITMQ_URI", vhost.amqpUri());
        environment.put("ETL_LOG_FORMAT", "");
        environment.put("ETL_EXTRACT_TYPES", types);
        environment.put("ETL_EXTRACT_CONCURRENCY", concurrency);
        Properties properties = new Properties();
        properties.putAll(environment);
        return new SpringApplicationBuilder(ExtractLikeWorker.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    private static int consumers(RabbitAdmin broker, String queue) {
        QueueInformation info = broker.getQueueInfo(queue);
        return info == null ? -1 : info.getConsumerCount();
    }

    /** The extract workers' wiring of types and consumers, with a handler that does nothing. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ExtractLikeWorker {

        @Bean
        WorkerTypes extractTypes(@Value("${ETL_EXTRACT_TYPES:}") String types,
                @Value("${ETL_EXTRACT_CONCURRENCY:}") String concurrency) {
            return WorkerTypes.parse(types, concurrency, 1, "ETL_EXTRACT_TYPES", "ETL_EXTRACT_CONCURRENCY");
        }

        @Bean
        JobConsumerGroup<ExtractJobMessage> extractConsumers(ConnectionFactory connectionFactory,
                ConfirmedPublisher publisher, TopologySettings topology, WorkerTypes types, WorkerIdentity identity) {
            return new JobConsumerGroup<>(new JobConsumers(connectionFactory, publisher, topology), types,
                    QueueNames::extractQueue, ExtractJobMessage.class, (message, delivery) -> { },
                    FailureClassifier.retryUnlessMalformed(), ConsumerSettings.of("extract", identity.id()));
        }
    }
}
