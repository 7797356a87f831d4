package io.etlfleet.queue.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    @Test
    void productionTiersAreNamedAfterTheirDelays() {
        assertThat(TopologySettings.defaults().retryTiers()).extracting(RetryTier::name).containsExactly(
                "etl.retry.1s", "etl.retry.5s", "etl.retry.30s", "etl.retry.2m", "etl.retry.10m");
    }

    @Test
    void subSecondTiersAreNamedInMilliseconds() {
        assertThat(RetryTier.of(Duration.ofMillis(150)).name()).isEqualTo("etl.retry.150ms");
        assertThat(RetryTier.of(Duration.ofMillis(1500)).name()).isEqualTo("etl.retry.1500ms");
        assertThat(RetryTier.of(Duration.ofHours(2)).name()).isEqualTo("etl.retry.2h");
    }

    @Test
    void listsWorkAndDeadLetterQueuesPerIntegrationType() {
        TopologySettings settings = TopologySettings.defaults();

        assertThat(settings.workQueues()).containsExactly("etl.extract.github", "etl.extract.github.backfill",
                "etl.extract.jira", "etl.extract.jira.backfill", "etl.extract.jdbc", "etl.extract.jdbc.backfill",
                "etl.extract.csv", "etl.extract.csv.backfill", "etl.extract.rest", "etl.extract.rest.backfill",
                "etl.transform.github", "etl.transform.jira", "etl.transform.jdbc", "etl.transform.csv",
                "etl.transform.rest");
        assertThat(settings.deadLetterQueues()).contains("etl.extract.github.dlq",
                "etl.extract.github.backfill.dlq", "etl.transform.jdbc.dlq");
    }

    @Test
    void rejectsTiersThatAreNotAscending() {
        assertThatThrownBy(() -> TopologySettings.defaults().withRetryDelays(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ascending");
    }

    @Test
    void workQueueArgumentsDeadLetterUnderTheQueuesOwnName() {
        assertThat(Topology.workQueueArguments("etl.extract.jira"))
                .containsEntry("x-queue-type", "quorum")
                .containsEntry("x-dead-letter-exchange", "etl.dlx")
                .containsEntry("x-dead-letter-routing-key", "etl.extract.jira")
                .containsEntry("x-delivery-limit", Topology.DELIVERY_LIMIT);
    }
}
