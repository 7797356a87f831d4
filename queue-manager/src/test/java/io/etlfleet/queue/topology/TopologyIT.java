package io.etlfleet.queue.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TopologyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestBroker broker;
    private static CachingConnectionFactory otherApp;

    @BeforeAll
    static void declareFromTwoAppsAtOnceTwice() {
        broker = TestBroker.create();
        otherApp = RabbitConnections.create(broker.vhost().amqpUri(), "other-app");
        Topology first = new Topology(broker.connectionFactory(), TestBroker.TOPOLOGY);
        Topology second = new Topology(otherApp, TestBroker.TOPOLOGY);
        CompletableFuture.allOf(
                CompletableFuture.runAsync(first::declare),
                CompletableFuture.runAsync(second::declare)).join();
        first.declare();
        second.declare();
    }

    @AfterAll
    static void deleteVhost() {
        otherApp.destroy();
        broker.close();
    }

    @Test
    void redeclaringWithProductionTiersOnTopSucceeds() {
        new Topology(broker.connectionFactory(), TopologySettings.defaults()).declare();

        assertThat(queue("etl.retry.10m").path("arguments").path("x-message-ttl").asLong()).isEqualTo(600_000);
        assertThat(queue("etl.retry.100ms").path("arguments").path("x-message-ttl").asLong()).isEqualTo(100);
    }

    @Test
    void workQueuesAreQuorumQueuesThatDeadLetterUnderTheirOwnName() {
        for (String name : TestBroker.TOPOLOGY.workQueues()) {
            JsonNode queue = queue(name);
            JsonNode arguments = queue.path("arguments");

            assertThat(queue.path("type").asString()).isEqualTo("quorum");
            assertThat(queue.path("durable").asBoolean()).isTrue();
            assertThat(arguments.path("x-delivery-limit").asInt()).isEqualTo(Topology.DELIVERY_LIMIT);
            assertThat(arguments.path("x-dead-letter-exchange").asString()).isEqualTo("etl.dlx");
            assertThat(arguments.path("x-dead-letter-routing-key").asString()).isEqualTo(name);
            assertThat(arguments.path("x-dead-letter-strategy").asString()).isEqualTo("at-least-once");
        }
    }

    @Test
    void deadLetterQueuesAreDurableClassicQueuesBoundToTheDeadLetterExchange() {
        for (String name : TestBroker.TOPOLOGY.deadLetterQueues()) {
            JsonNode queue = queue(name);

            assertThat(queue.path("type").asString()).isEqualTo("classic");
            assertThat(queue.path("durable").asBoolean()).isTrue();
        }
        String bindings = broker.vhost().broker().management("GET",
                "/api/bindings/" + broker.vhost().name() + "/e/etl.dlx/q/etl.transform.jira.dlq", null);
        assertThat(bindings).contains("\"routing_key\":\"etl.transform.jira\"");
    }

    @Test
    void jobsAreRoutedToTheQueueOfTheirIntegrationType() {
        RabbitTemplate template = new RabbitTemplate(broker.connectionFactory());
        new ConfirmedPublisher(broker.connectionFactory()).publishExtractJob(Jobs.anExtractJob("jira"));
        new ConfirmedPublisher(broker.connectionFactory()).publishTransformJob(Jobs.aTransformJob("jdbc"));

        assertThat(template.receive("etl.extract.jira", 5_000)).isNotNull();
        assertThat(template.receive("etl.transform.jdbc", 5_000)).isNotNull();
        assertThat(template.receive("etl.extract.github")).isNull();
    }

    @Test
    void aRetryTierReturnsItsMessagesToTheOriginQueueAfterItsDelay() {
        RabbitTemplate template = new RabbitTemplate(broker.connectionFactory());
        new ConfirmedPublisher(broker.connectionFactory()).publish(OutgoingMessage.of("etl.retry.200ms",
                "etl.transform.github", "retry-me", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(template.receive("etl.transform.github")).isNull();
        Message returned = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> template.receive("etl.transform.github"), message -> message != null);
        assertThat(returned.getMessageProperties().getMessageId()).isEqualTo("retry-me");
    }

    private static JsonNode queue(String name) {
        return JSON.readTree(broker.vhost().broker().management("GET",
                "/api/queues/" + broker.vhost().name() + "/" + name, null));
    }
}
