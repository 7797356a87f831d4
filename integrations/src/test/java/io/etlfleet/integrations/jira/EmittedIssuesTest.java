package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.jira.EmittedIssues.Admission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmittedIssuesTest {

    @Test
    void theCursorIsTheHighestUpdatedEmittedIncludingTheIncomingCursor() {
        EmittedIssues emitted = new EmittedIssues(1500L, null, Set.of());

        emitted.admit("10001", 1000L, null);

        assertThat(emitted.cursor()).isEqualTo(Map.of("updated_ms", "1500"));
        emitted.admit("10002", 2000L, null);
        assertThat(emitted.cursor()).isEqualTo(Map.of("updated_ms", "2000"));
    }

    @Test
    void anIssueSeenAgainAtTheQuerysLowerBoundIsARepeatThatLeavesTheCursor() {
        EmittedIssues emitted = new EmittedIssues(null, null, Set.of());
        emitted.admit("10001", 1000L, null);
        emitted.admit("10002", 2000L, null);

        assertThat(emitted.admit("10002", 2000L, 2000L)).isEqualTo(Admission.REPEATED);
        assertThat(emitted.admit("10001", 1000L, 2000L)).isEqualTo(Admission.REPEATED);
        assertThat(emitted.cursor()).isEqualTo(Map.of("updated_ms", "2000"));
        assertThat(emitted.checkpoint()).isEqualTo(Map.of("max_updated_ms", "2000"));
    }

    @Test
    void anIssueSeenAgainAfterTheQuerysLowerBoundIsANewerVersionThatHoldsTheCursorAtIt() {
        EmittedIssues emitted = new EmittedIssues(null, null, Set.of("10001"));
        emitted.admit("10002", 2000L, 1000L);

        assertThat(emitted.admit("10001", 3000L, 2000L)).isEqualTo(Admission.CHANGED);
        assertThat(emitted.admit("10003", 4000L, 2000L)).isEqualTo(Admission.NEW);

        assertThat(emitted.cursor()).isEqualTo(Map.of("updated_ms", "3000"));
        assertThat(emitted.checkpoint()).isEqualTo(Map.of("max_updated_ms", "4000", "held_back_ms", "3000"));
        assertThat(EmittedIssues.resumed(null, emitted.checkpoint(), Set.of()).cursor()).isEqualTo(Map.of("updated_ms", "3000"));
    }
}
