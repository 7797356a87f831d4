package io.etlfleet.queue.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.messages.ExtractJobMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

class ConfirmedPublisherIT {

    private static final String BOUNDED_QUEUE = "publisher-it.bounded";

    private static TestBroker broker;
    private static ConfirmedPublisher publisher;
    private static RabbitTemplate template;

    @BeforeAll
    static void declareTopologyAndABoundedQueue() {
        broker = TestBroker.withTopology();
        publisher = new ConfirmedPublisher(broker.connectionFactory());
        template = new RabbitTemplate(broker.connectionFactory());
        template.execute(channel -> channel.queueDeclare(BOUNDED_QUEUE, true, false, false,
                Map.of("x-max-length", 1, "x-overflow", "reject-publish")));
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void publishesPersistentJsonWithTheJobIdAsMessageId() {
        ExtractJobMessage job = Jobs.anExtractJob("github");

        publisher.publishExtractJob(job);

        Message received = template.receive("etl.extract.github", 5_000);
        assertThat(received.getMessageProperties().getMessageId()).isEqualTo(job.jobId().toString());
        assertThat(received.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(received.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).contains("\"job_id\":\"" + job.jobId());
    }

    @Test
    void brokerNackSurfacesAsPublishException() {
        template.execute(channel -> channel.queuePurge(BOUNDED_QUEUE));
        publisher.publish(toBoundedQueue("first"));

        assertThatThrownBy(() -> publisher.publish(toBoundedQueue("second")))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("second")
                .hasMessageContaining("nacked");
    }

    @Test
    void unroutableMessageSurfacesAsPublishException() {
        assertThatThrownBy(() -> publisher.publish(OutgoingMessage.of("etl.extract", "no-such-type", "lost", body())))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("unroutable")
                .hasMessageContaining("NO_ROUTE");
    }

    @Test
    void missingExchangeSurfacesAsPublishExceptionAndThePublisherRecovers() {
        assertThatThrownBy(() -> publisher.publish(OutgoingMessage.of("etl.no-such-exchange", "github", "x", body())))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("no-such-exchange");

        publisher.publish(OutgoingMessage.of("etl.transform", "jira", "after-channel-error", body()));
        assertThat(template.receive("etl.transform.jira", 5_000)).isNotNull();
    }

    @Test
    void missingConfirmsWithinTheTimeoutAreReportedNotSwallowed() throws Exception {
        try (HoldingRelay relay = new HoldingRelay(broker.vhost().host(), broker.vhost().port())) {
            CachingConnectionFactory relayed = RabbitConnections.create(broker.vhost().amqpUri()
                    .replace(":" + broker.vhost().port() + "/", ":" + relay.port() + "/"), "publisher-it-relayed");
            try {
                ConfirmedPublisher impatient = new ConfirmedPublisher(relayed, new PublisherSettings(Duration.ofMillis(300)));
                impatient.publish(OutgoingMessage.of("etl.extract", "jdbc", "before-the-hold", body()));
                // From now on the broker's confirms never reach the publisher.
                relay.holdReplies();
                List<OutgoingMessage> batch = java.util.stream.IntStream.range(0, 5)
                        .mapToObj(i -> OutgoingMessage.of("etl.extract", "jdbc", "unconfirmed-" + i, body())).toList();

                PublishResult result = impatient.publishAll(batch);

                assertThat(result.confirmed()).isEmpty();
                assertThat(result.failed()).hasSize(batch.size())
                        .allSatisfy(failure -> assertThat(failure.reason()).contains("no confirm within"));
            } finally {
                relayed.destroy();
            }
        }
        new org.springframework.amqp.rabbit.core.RabbitAdmin(broker.connectionFactory()).purgeQueue("etl.extract.jdbc", false);
    }

    @Test
    void unreachableBrokerSurfacesAsPublishException() {
        CachingConnectionFactory nowhere = RabbitConnections.create("amqp://guest:guest@127.0.0.1:1", "nowhere");
        try {
            assertThatThrownBy(() -> new ConfirmedPublisher(nowhere).publishExtractJob(Jobs.anExtractJob()))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("connection failed");
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void publishAllReportsExactlyWhichMessagesFailed() {
        template.execute(channel -> channel.queuePurge(BOUNDED_QUEUE));
        OutgoingMessage routed = OutgoingMessage.of("etl.transform", "github", "routed", body());
        OutgoingMessage unroutable = OutgoingMessage.of("etl.transform", "nowhere", "unroutable", body());
        OutgoingMessage fits = toBoundedQueue("fits");
        OutgoingMessage overflows = toBoundedQueue("overflows");
        OutgoingMessage alsoRouted = OutgoingMessage.of("etl.transform", "github", "also-routed", body());

        PublishResult result = publisher.publishAll(List.of(routed, unroutable, fits, overflows, alsoRouted));

        assertThat(result.confirmed()).containsExactly(routed, fits, alsoRouted);
        assertThat(result.failed()).extracting(PublishFailure::message).containsExactly(unroutable, overflows);
        assertThat(result.failed().get(0).reason()).contains("unroutable");
        assertThat(result.failed().get(1).reason()).contains("nacked");
        assertThat(template.receive("etl.transform.github", 5_000)).isNotNull();
        assertThat(template.receive("etl.transform.github", 5_000)).isNotNull();
    }

    private static OutgoingMessage toBoundedQueue(String id) {
        return OutgoingMessage.of("", BOUNDED_QUEUE, id, body());
    }

    private static byte[] body() {
        return "{\"v\":1}".getBytes(StandardCharsets.UTF_8);
    }
}
