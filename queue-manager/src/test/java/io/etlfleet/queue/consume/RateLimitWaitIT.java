package io.etlfleet.queue.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** A job that keeps hitting a rate limit waits it out through the retry tiers without spending attempts. */
class RateLimitWaitIT {

    private static final class RateLimited extends RuntimeException {
        RateLimited() {
            super("429: try again in 1 s");
        }
    }

    private static final FailureClassifier CLASSIFIER = new FailureClassifier() {
        @Override
        public Disposition classify(Throwable failure) {
            return failure instanceof RateLimited ? Disposition.WAIT : Disposition.RETRY;
        }

        @Override
        public Duration waitFor(Throwable failure) {
            return Duration.ofMillis(1);
        }
    };

    private static TestBroker broker;
    private static JobConsumers consumers;
    private static ConfirmedPublisher publisher;

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
    void rateLimitWaitsAreNotCountedAsAttemptsAndNeverDeadLetterTheJob() throws InterruptedException {
        List<DeliveryContext> deliveries = new CopyOnWriteArrayList<>();
        CountDownLatch succeeded = new CountDownLatch(1);
        // Two attempts allowed, four rate limits in a row: each one is a wait, not a failure.
        try (JobConsumer consumer = consumers.create("etl.extract.github", ExtractJobMessage.class, (job, context) -> {
            deliveries.add(context);
            if (deliveries.size() <= 4) {
                throw new RateLimited();
            }
            succeeded.countDown();
        }, CLASSIFIER, ConsumerSettings.of("extract", "wait-it-worker").withMaxAttempts(2))) {
            consumer.start();
            publisher.publishExtractJob(Jobs.anExtractJob("github"));

            assertThat(succeeded.await(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(deliveries).extracting(DeliveryContext::attempt).containsExactly(1, 1, 1, 1, 1);
        assertThat(new RabbitTemplate(broker.connectionFactory()).receive("etl.extract.github.dlq")).isNull();
    }
}
