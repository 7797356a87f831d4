package io.etlfleet.queue.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.stats.QueueKind;
import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.stats.QueueStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeferIT {

    private static TestBroker broker;
    private static ConfirmedPublisher publisher;
    private static JobConsumers consumers;

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
    void aDeferredJobComesBackWithoutSpendingAnAttempt() throws InterruptedException {
        List<DeliveryContext> deliveries = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        try (JobConsumer consumer = consumers.create("etl.extract.jira", ExtractJobMessage.class, (job, context) -> {
            deliveries.add(context);
            if (deliveries.size() < 3) {
                throw new JobDeferredException("integration at its cap", Duration.ofMillis(150));
            }
            ran.countDown();
        }, failure -> Disposition.DEAD_LETTER, ConsumerSettings.of("extract", "defer-it").withMaxAttempts(1))) {
            consumer.start();
            ExtractJobMessage job = Jobs.anExtractJob("jira");
            publisher.publishExtractJob(job);

            // maxAttempts 1 and a classifier that dead-letters: only a deferral that bypasses both runs it at all.
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(deliveries).extracting(DeliveryContext::attempt).containsExactly(1, 1, 1);
            assertThat(deliveries).extracting(DeliveryContext::messageId).containsOnly(job.jobId().toString());
        }
    }

    @Test
    void fullExtractJobsWaitInTheBackfillQueueApartFromIncrementalOnes() {
        QueueStatistics statistics = new QueueStatistics(broker.connectionFactory(), TestBroker.TOPOLOGY);
        ExtractJobMessage incremental = Jobs.anExtractJob("jdbc");
        ExtractJobMessage full = ExtractJobMessage.of(incremental.jobId(), incremental.tenantId(),
                incremental.integrationId(), "jdbc", "orders", "full", null);

        publisher.publishExtractJob(full);
        publisher.publishExtractJob(full);
        publisher.publishExtractJob(incremental);

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(statistics.of("etl.extract.jdbc.backfill", QueueKind.EXTRACT)).get()
                    .extracting(QueueStats::messagesReady).isEqualTo(2L);
            assertThat(statistics.of("etl.extract.jdbc", QueueKind.EXTRACT)).get()
                    .extracting(QueueStats::messagesReady).isEqualTo(1L);
        });
    }
}
