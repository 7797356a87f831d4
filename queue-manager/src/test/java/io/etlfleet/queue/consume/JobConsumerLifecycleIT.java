package io.etlfleet.queue.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.stats.QueueKind;
import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.stats.QueueStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobConsumerLifecycleIT {

    private static TestBroker broker;
    private static ConfirmedPublisher publisher;
    private static JobConsumers consumers;
    private static QueueStatistics statistics;

    @BeforeAll
    static void declareTopology() {
        broker = TestBroker.withTopology();
        publisher = new ConfirmedPublisher(broker.connectionFactory());
        consumers = new JobConsumers(broker.connectionFactory(), publisher, TestBroker.TOPOLOGY);
        statistics = new QueueStatistics(broker.connectionFactory(), TestBroker.TOPOLOGY);
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void concurrencyCanBeChangedWhileRunning() {
        try (JobConsumer consumer = consumers.create("etl.transform.jira", TransformJobMessage.class,
                (job, context) -> { }, FailureClassifier.retryUnlessMalformed(),
                ConsumerSettings.of("transform", "lifecycle-it").withConcurrency(1))) {
            consumer.start();
            awaitConsumers("etl.transform.jira", 1);

            consumer.setConcurrency(3);
            awaitConsumers("etl.transform.jira", 3);
            assertThat(consumer.activeConsumers()).isEqualTo(3);

            consumer.setConcurrency(1);
            awaitConsumers("etl.transform.jira", 1);
        }
        awaitConsumers("etl.transform.jira", 0);
    }

    @Test
    void gracefulStopLetsTheRunningHandlerFinishAndAcknowledge() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        JobConsumer consumer = consumers.create("etl.transform.github", TransformJobMessage.class, (job, context) -> {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
            finished.set(true);
        }, FailureClassifier.retryUnlessMalformed(),
                ConsumerSettings.of("transform", "lifecycle-it").withShutdownTimeout(Duration.ofSeconds(10)));
        consumer.start();
        publisher.publishTransformJob(Jobs.aTransformJob("github"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(consumer::stop);
        assertThat(stopping).isNotDone();
        release.countDown();
        stopping.get(15, TimeUnit.SECONDS);

        assertThat(finished).isTrue();
        assertThat(consumer.isRunning()).isFalse();
        // The broker reports the cancelled consumer and the ack a moment after the client sent them.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(statistics.of("etl.transform.github", QueueKind.TRANSFORM))
                        .hasValue(new QueueStats("etl.transform.github", QueueKind.TRANSFORM, 0, 0)));
        consumer.close();
    }

    private static void awaitConsumers(String queue, int expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(
                () -> statistics.of(queue, QueueKind.TRANSFORM).map(QueueStats::consumers).orElse(-1),
                consumers -> consumers == expected);
    }
}
