package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.ConnectorException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueKeysetTest {

    @Test
    void movesToThePagesHighestUpdatedAndStartsThatQueryAtItsFirstIssue() {
        IssueKeyset next = IssueKeyset.start(1000L, 9000).next(2000L, Set.of("10002"), "50");

        assertThat(next).isEqualTo(new IssueKeyset(2000L, null, 9000, Set.of("10002")));
        assertThat(next.jql("WID"))
                .isEqualTo("project = \"WID\" AND updated >= 2000 AND updated <= 9000 ORDER BY updated ASC, key ASC");
    }

    @Test
    void keepsTheQueryAndGoesOnByPositionWhenTheWholePageSharesTheLowerBound() {
        IssueKeyset tied = IssueKeyset.start(2000L, 9000).next(2000L, Set.of("10003"), "50");

        assertThat(tied).isEqualTo(new IssueKeyset(2000L, "50", 9000, Set.of("10003")));
        assertThat(tied.checkpoint(false)).containsEntry("start_at", "50").containsEntry("from_updated_ms", "2000");
        assertThat(tied.next(5000L, Set.of("10009"), "100")).isEqualTo(new IssueKeyset(5000L, null, 9000, Set.of("10009")));
    }

    @Test
    void roundTripsThroughItsCheckpoint() {
        IssueKeyset keyset = new IssueKeyset(2000L, "tok-b", 9000, Set.of("10003", "10002"));

        Map<String, String> checkpoint = keyset.checkpoint(true);

        assertThat(checkpoint).containsEntry("from_ids", "10002,10003").containsEntry("next_page_token", "tok-b");
        assertThat(IssueKeyset.resume(checkpoint, true, 1)).isEqualTo(keyset);
    }

    @Test
    void restartsAFormerPositionCheckpointWithoutMaxUpdatedAtItsJqlsLowerBound() {
        IssueKeyset keyset = IssueKeyset.resume(Map.of("jql",
                "project = \"WID\" AND updated >= 1000 AND updated <= 5000 ORDER BY updated ASC", "start_at", "100"), false, 9999);

        assertThat(keyset).isEqualTo(IssueKeyset.start(1000L, 5000));
    }

    @Test
    void refusesACheckpointWithoutItsUpperBoundOrWithAnUnreadablePosition() {
        assertThatThrownBy(() -> IssueKeyset.resume(Map.of("from_updated_ms", "1000"), false, 1))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("until_updated_ms");
        assertThatThrownBy(() -> IssueKeyset.resume(Map.of("until_updated_ms", "1000", "start_at", "x"), false, 1))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("start_at");
    }
}
