package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * More issues sharing one {@code updated} millisecond than a page holds (an import), where the
 * keyset cannot move and paging goes on by position inside the query: Cloud and Data Center
 * against the sample source over real HTTP.
 */
class JiraIssuesSharingUpdatedTest {

    private static final int PAGE = 10;

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void moreIssuesSharingOneUpdatedMillisecondThanAPageHoldsAreAllReadAndPagingEnds(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            givenAnImportBetweenOrdinaryIssues(source);

            RecordingSink full = source.fullRun("WID", PAGE, Instant.now());

            assertThat(full.lastPage().last()).isTrue();
            assertThat(full.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(source.keys("WID"));
            // 5 ordinary + 5 imported; the import from its start by position: 10, 10, 10, then 5 + 5 ordinary, the end
            assertThat(source.searchRequests()).isEqualTo(5);
            assertThat(full.committedCursor()).containsEntry("updated_ms",
                    Long.toString(source.jira.issue("WID-45").updated().toEpochMilli()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void anIncrementalRunStartingInsideTheSharedMillisecondReadsItWholeAndEnds(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            givenAnImportBetweenOrdinaryIssues(source);
            long imported = source.jira.issue("WID-6").updated().toEpochMilli();

            // the cursor minus the 60 s overlap is the imported issues' millisecond: the first page is all of it
            RecordingSink incremental = source.incrementalRun("WID", PAGE,
                    Map.of("updated_ms", Long.toString(imported + 60_000)), Instant.now());

            assertThat(incremental.lastPage().last()).isTrue();
            assertThat(incremental.externalIds()).doesNotHaveDuplicates().contains("WID-6", "WID-40", "WID-45")
                    .doesNotContain("WID-5");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void anIssueAnsweredTwiceInsideTheSharedMillisecondIsEmittedOnceAndNoneIsLost(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            givenAnImportBetweenOrdinaryIssues(source);
            source.jira.churn().afterSearchPage(2, jira -> jira.churn().repeatLastIssueOnNextPage());

            RecordingSink full = source.fullRun("WID", PAGE, Instant.now());

            assertThat(full.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(source.keys("WID"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void resumesInsideTheSharedMillisecondWhereTheInterruptedRunStopped(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            givenAnImportBetweenOrdinaryIssues(source);

            RecordingSink interrupted = source.run("WID", PAGE, SyncMode.FULL, Map.of(), Map.of(), Instant.now(), 3);
            RecordingSink resumed = source.run("WID", PAGE, SyncMode.FULL, Map.of(), interrupted.lastPage().checkpoint(),
                    Instant.now(), JiraSyncSource.PAGE_LIMIT);

            assertThat(interrupted.lastPage().checkpoint()).containsKey(deployment.equals("cloud") ? "next_page_token" : "start_at");
            assertThat(resumed.externalIds()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(interrupted.externalIds());
            Set<String> union = new HashSet<>(interrupted.externalIds());
            union.addAll(resumed.externalIds());
            assertThat(union).isEqualTo(source.keys("WID"));
        }
    }

    /** WID-1..5 ordinary, WID-6..40 imported at one millisecond, WID-41..45 ordinary again. */
    private static void givenAnImportBetweenOrdinaryIssues(JiraSyncSource source) {
        source.jira.generateIssues("WID", 5);
        source.jira.importIssues("WID", 35);
        source.jira.generateIssues("WID", 5);
    }
}
