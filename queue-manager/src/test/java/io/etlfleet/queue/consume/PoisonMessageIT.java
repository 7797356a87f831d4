package io.etlfleet.queue.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.deadletter.DeadLetterHeaders;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.messages.UnsupportedVersionException;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

class PoisonMessageIT {

    private static TestBroker broker;
    private static ConfirmedPublisher publisher;
    private static JobConsumers consumers;

    private final AtomicInteger handled = new AtomicInteger();

    @BeforeAll
    static void declareTopology() {
        broker = TestBroker.withTopology();
        publisher = new ConfirmedPublisher(broker.connectionFactory());
        consumers = new JobConsumers(broker.connectionFactory(), publisher, TestBroker.TOPOLOGY);
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void poisonMessageLandsInDeadLetterQueueWithReason() {
        String broken = "{\"v\": 1, \"job_id\": \"0b6f9e9c";

        Message deadLetter = consumeAndDeadLetter("etl.extract.github", "broken-json", broken);

        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo(broken);
        assertThat(deadLetter.getMessageProperties().getMessageId()).isEqualTo("broken-json");
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.ERROR_CLASS))
                .isEqualTo(MalformedMessageException.class.getName());
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.ERROR_MESSAGE))
                .contains("not valid JSON");
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.STAGE)).isEqualTo("decode");
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.ORIGIN_QUEUE))
                .isEqualTo("etl.extract.github");
        assertThat(handled).hasValue(0);
    }

    @Test
    void messageOfAnUnknownVersionIsDeadLetteredWithoutRetry() {
        String future = "{\"v\": 2, \"job\": {\"id\": \"0b6f9e9c-4a47-4d3f-9a55-0a8f3c1d2e01\"}}";

        Message deadLetter = consumeAndDeadLetter("etl.extract.jira", "version-two", future);

        assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo(future);
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.ERROR_CLASS))
                .isEqualTo(UnsupportedVersionException.class.getName());
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.ERROR_MESSAGE))
                .contains("unsupported message version 2");
        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.STAGE)).isEqualTo("decode");
        assertThat(DeadLetterHeaders.attempts(deadLetter.getMessageProperties().getHeaders())).isEqualTo(1);
        assertThat(handled).hasValue(0);
    }

    @Test
    void messageMissingARequiredFieldIsDeadLetteredNamingTheField() {
        String incomplete = "{\"v\": 1, \"job_id\": \"0b6f9e9c-4a47-4d3f-9a55-0a8f3c1d2e01\"}";

        Message deadLetter = consumeAndDeadLetter("etl.extract.jdbc", "incomplete", incomplete);

        assertThat((String) deadLetter.getMessageProperties().getHeader(DeadLetterHeaders.ERROR_MESSAGE))
                .contains("missing required field");
        assertThat(handled).hasValue(0);
    }

    private Message consumeAndDeadLetter(String queue, String messageId, String body) {
        RabbitTemplate template = new RabbitTemplate(broker.connectionFactory());
        ConsumerSettings settings = ConsumerSettings.of("extract", "poison-it").withRequeuePause(Duration.ofMillis(50));
        try (JobConsumer consumer = consumers.create(queue, ExtractJobMessage.class,
                (job, context) -> handled.incrementAndGet(), FailureClassifier.retryUnlessMalformed(), settings)) {
            consumer.start();
            String type = queue.substring(queue.lastIndexOf('.') + 1);
            publisher.publish(OutgoingMessage.of("etl.extract", type, messageId,
                    body.getBytes(StandardCharsets.UTF_8)));

            Message deadLetter = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> template.receive(queue + ".dlq"), message -> message != null);
            assertThat(template.receive(queue)).isNull();
            return deadLetter;
        }
    }
}
