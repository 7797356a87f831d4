package io.etlfleet.queue.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueueStatisticsIT {

    private static TestBroker broker;
    private static QueueStatistics statistics;

    @BeforeAll
    static void declareTopology() {
        broker = TestBroker.withTopology();
        statistics = new QueueStatistics(broker.connectionFactory(), TestBroker.TOPOLOGY);
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void listsEveryFleetQueueWithItsKind() {
        List<QueueStats> all = statistics.all();

        assertThat(all).hasSize(15 + 15 + 3);
        assertThat(all).filteredOn(stats -> stats.kind() == QueueKind.EXTRACT).extracting(QueueStats::queue)
                .containsExactly("etl.extract.github", "etl.extract.github.backfill", "etl.extract.jira",
                        "etl.extract.jira.backfill", "etl.extract.jdbc", "etl.extract.jdbc.backfill",
                        "etl.extract.csv", "etl.extract.csv.backfill", "etl.extract.rest", "etl.extract.rest.backfill");
        assertThat(all).filteredOn(stats -> stats.kind() == QueueKind.DEAD_LETTER).hasSize(15);
        assertThat(all).filteredOn(stats -> stats.kind() == QueueKind.RETRY).extracting(QueueStats::queue)
                .containsExactly("etl.retry.100ms", "etl.retry.200ms", "etl.retry.400ms");
    }

    @Test
    void reportsTheDepthOfAQueue() {
        ConfirmedPublisher publisher = new ConfirmedPublisher(broker.connectionFactory());
        for (int i = 0; i < 3; i++) {
            publisher.publishTransformJob(Jobs.aTransformJob("jdbc"));
        }

        assertThat(statistics.all()).contains(new QueueStats("etl.transform.jdbc", QueueKind.TRANSFORM, 3, 0));
    }

    @Test
    void aMissingQueueIsReportedAsAbsent() {
        assertThat(statistics.of("etl.extract.nosuchtype", QueueKind.EXTRACT)).isEmpty();
    }
}
