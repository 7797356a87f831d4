package io.etlfleet.queue.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.deadletter.DeadLetterHeaders;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

class RetryIT {

    private static final FailureClassifier CLASSIFIER = failure -> {
        if (failure instanceof PermanentFailure) {
            return Disposition.DEAD_LETTER;
        }
        if (failure instanceof DatabaseDown) {
            return Disposition.REQUEUE;
        }
        return Disposition.RETRY;
    };

    private static TestBroker broker;
    private static ConfirmedPublisher publisher;
    private static JobConsumers consumers;
    private static RabbitTemplate template;

    private final List<DeliveryContext> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void declareTopology() {
        broker = TestBroker.withTopology();
        publisher = new ConfirmedPublisher(broker.connectionFactory());
        consumers = new JobConsumers(broker.connectionFactory(), publisher, TestBroker.TOPOLOGY);
        template = new RabbitTemplate(broker.connectionFactory());
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void retriableFailureIsRetriedAfterADelayAndSucceedsOnTheThirdAttempt() throws InterruptedException {
        CountDownLatch succeeded = new CountDownLatch(1);
        List<Instant> attemptTimes = new CopyOnWriteArrayList<>();
        try (JobConsumer consumer = consumers.create("etl.extract.github", ExtractJobMessage.class, (job, context) -> {
            deliveries.add(context);
            attemptTimes.add(Instant.now());
            if (context.attempt() < 3) {
                throw new IllegalStateException("source answered 503");
            }
            succeeded.countDown();
        }, CLASSIFIER, settings(5))) {
            consumer.start();
            ExtractJobMessage job = Jobs.anExtractJob("github");
            publisher.publishExtractJob(job);

            assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(deliveries).extracting(DeliveryContext::attempt).containsExactly(1, 2, 3);
            assertThat(deliveries).extracting(DeliveryContext::messageId).containsOnly(job.jobId().toString());
            assertThat(Duration.between(attemptTimes.get(0), attemptTimes.get(1))).isGreaterThanOrEqualTo(
                    Duration.ofMillis(100));
            assertThat(Duration.between(attemptTimes.get(1), attemptTimes.get(2))).isGreaterThanOrEqualTo(
                    Duration.ofMillis(100));
        }
        assertThat(template.receive("etl.extract.github.dlq")).isNull();
        assertThat(template.receive("etl.extract.github")).isNull();
    }

    @Test
    void jobThatAlwaysFailsEndsInDeadLetterQueueAfterMaxAttempts() {
        try (JobConsumer consumer = consumers.create("etl.extract.jira", ExtractJobMessage.class, (job, context) -> {
            deliveries.add(context);
            throw new IllegalStateException("still failing on attempt " + context.attempt());
        }, CLASSIFIER, settings(3))) {
            consumer.start();
            ExtractJobMessage job = Jobs.anExtractJob("jira");
            publisher.publishExtractJob(job);

            MessageProperties deadLetter = awaitDeadLetter("etl.extract.jira.dlq").getMessageProperties();

            assertThat(deliveries).extracting(DeliveryContext::attempt).containsExactly(1, 2, 3);
            assertThat(deadLetter.getMessageId()).isEqualTo(job.jobId().toString());
            assertThat(DeadLetterHeaders.attempts(deadLetter.getHeaders())).isEqualTo(3);
            assertThat((String) deadLetter.getHeader(DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat((String) deadLetter.getHeader(DeadLetterHeaders.ERROR_MESSAGE))
                    .isEqualTo("still failing on attempt 3");
            assertThat((String) deadLetter.getHeader(DeadLetterHeaders.STAGE)).isEqualTo("extract");
            assertThat((String) deadLetter.getHeader(DeadLetterHeaders.WORKER)).isEqualTo("retry-it-worker");
            assertThat((String) deadLetter.getHeader(DeadLetterHeaders.ORIGIN_QUEUE)).isEqualTo("etl.extract.jira");
            assertThat(Instant.parse(deadLetter.getHeader(DeadLetterHeaders.FAILED_AT)))
                    .isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void deadLetterClassificationGoesStraightToTheDeadLetterQueue() {
        try (JobConsumer consumer = consumers.create("etl.extract.jdbc", ExtractJobMessage.class, (job, context) -> {
            deliveries.add(context);
            throw new PermanentFailure("table orders does not exist");
        }, CLASSIFIER, settings(5))) {
            consumer.start();
            publisher.publishExtractJob(Jobs.anExtractJob("jdbc"));

            MessageProperties deadLetter = awaitDeadLetter("etl.extract.jdbc.dlq").getMessageProperties();

            assertThat(deliveries).hasSize(1);
            assertThat(DeadLetterHeaders.attempts(deadLetter.getHeaders())).isEqualTo(1);
            assertThat((String) deadLetter.getHeader(DeadLetterHeaders.ERROR_CLASS))
                    .isEqualTo(PermanentFailure.class.getName());
        }
    }

    @Test
    void infrastructureFailureIsRequeuedWithoutCountingAnAttempt() throws InterruptedException {
        CountDownLatch succeeded = new CountDownLatch(1);
        try (JobConsumer consumer = consumers.create("etl.transform.github", TransformJobMessage.class,
                (job, context) -> {
                    deliveries.add(context);
                    if (deliveries.size() < 3) {
                        throw new DatabaseDown();
                    }
                    succeeded.countDown();
                }, CLASSIFIER, ConsumerSettings.of("transform", "retry-it-worker").withMaxAttempts(2)
                        .withRequeuePause(Duration.ofMillis(50)))) {
            consumer.start();
            publisher.publishTransformJob(Jobs.aTransformJob("github"));

            assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(deliveries).extracting(DeliveryContext::attempt).containsExactly(1, 1, 1);
        }
        assertThat(template.receive("etl.transform.github.dlq")).isNull();
    }

    private static ConsumerSettings settings(int maxAttempts) {
        return ConsumerSettings.of("extract", "retry-it-worker").withMaxAttempts(maxAttempts)
                .withRequeuePause(Duration.ofMillis(50));
    }

    private static Message awaitDeadLetter(String queue) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> template.receive(queue), message -> message != null);
    }

    static final class PermanentFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PermanentFailure(String message) {
            super(message);
        }
    }

    static final class DatabaseDown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DatabaseDown() {
            super("connection to the database refused");
        }
    }
}
