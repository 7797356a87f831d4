package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.jira.JiraIssue;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue search against a Jira that changes between the pages of a sync (the sample source's
 * churn), on Cloud and Data Center over real HTTP. Runs whose upper bound is the worker's
 * {@code Instant.now()} see the fake's edits move to the end of the result (its clock is years
 * behind); runs bounded by the fake's own clock see them leave it, as with a real Jira.
 */
class JiraIssuesChangingDuringSyncTest {

    private static final int PAGE = 10;

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void aFullSyncWhileIssuesAreEditedAndCreatedBetweenEveryPageEmitsEveryIssueOnceAndTheNextIncrementalCompletesIt(
            String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            source.jira.generateIssues("WID", 120);
            Set<String> atStart = source.keys("WID");
            source.jira.churn().afterEverySearchPage(1, 3, 1);

            RecordingSink full = source.fullRun("WID", PAGE, Instant.now());
            source.jira.churn().stop();
            RecordingSink incremental = source.incrementalRun("WID", PAGE, full.committedCursor(), Instant.now());

            assertThat(full.lastPage().last()).as("paging ended by itself").isTrue();
            assertThat(full.externalIds()).doesNotHaveDuplicates().containsAll(atStart);
            assertThat(JiraSyncSource.ids(full)).doesNotHaveDuplicates();
            assertThat(source.jira.churn().editedKeys()).hasSizeGreaterThan(30);
            assertThat(incremental.externalIds()).doesNotHaveDuplicates()
                    .as("the issue created after the last page").contains(lastCreated(source));
            assertThat(JiraSyncSource.versions(full, incremental)).containsAll(source.versions("WID"));
            assertThat(JiraSyncSource.keys(full, incremental)).isEqualTo(source.keys("WID"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void editsAndCreationsBeyondAFullSyncsUpperBoundAreReadByTheNextIncremental(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            source.jira.generateIssues("WID", 80);
            Set<String> atStart = source.keys("WID");
            source.jira.churn().afterEverySearchPage(1, 2, 1);

            RecordingSink full = source.fullRun("WID", PAGE, source.jira.now());
            source.jira.churn().stop();
            RecordingSink incremental = source.incrementalRun("WID", PAGE, full.committedCursor(), source.jira.now());

            Set<String> untouched = new HashSet<>(atStart);
            source.jira.churn().editedKeys().forEach(untouched::remove);
            assertThat(full.externalIds()).doesNotHaveDuplicates().containsAll(untouched)
                    .doesNotContainAnyElementsOf(source.jira.churn().createdKeys());
            assertThat(incremental.externalIds()).doesNotHaveDuplicates()
                    .containsAll(source.jira.churn().editedKeys()).containsAll(source.jira.churn().createdKeys());
            assertThat(JiraSyncSource.versions(full, incremental)).containsAll(source.versions("WID"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void anIssueMovedToAnotherProjectBetweenPagesMakesNoOtherIssueSkippedAndAppearsUnderItsNewKey(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            source.jira.generateIssues("WID", 30);
            source.jira.generateIssues("OPS", 3);
            Set<String> atStart = source.keys("WID");
            JiraIssue first = source.jira.issue("WID-1");
            source.jira.churn().afterSearchPage(1, jira -> jira.moveIssue("WID-1", "OPS"));

            RecordingSink wid = source.fullRun("WID", PAGE, Instant.now());
            RecordingSink ops = source.fullRun("OPS", PAGE, Instant.now());

            assertThat(wid.pages().get(0).records()).extracting(r -> r.externalId()).contains("WID-1");
            assertThat(wid.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(atStart);
            assertThat(ops.records()).filteredOn(r -> r.externalId().equals("OPS-4")).singleElement()
                    .satisfies(moved -> assertThat(moved.data().path("id").asString()).isEqualTo(Long.toString(first.id())));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void searchAnsweringAnIssueTwiceAcrossPagesYieldsItOnceAndLosesNoOther(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            source.jira.generateIssues("WID", 45);
            source.jira.churn().afterSearchPage(2, jira -> jira.churn().repeatLastIssueOnNextPage());

            RecordingSink full = source.fullRun("WID", PAGE, Instant.now());

            assertThat(full.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(source.keys("WID"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud", "datacenter"})
    void resumesFromAMidRunCheckpointWithoutGapsWhileIssuesChange(String deployment) {
        try (JiraSyncSource source = new JiraSyncSource(deployment)) {
            source.jira.generateIssues("WID", 90);
            Set<String> atStart = source.keys("WID");
            source.jira.churn().afterEverySearchPage(1, 2, 1);

            RecordingSink interrupted = source.run("WID", PAGE, SyncMode.FULL, Map.of(), Map.of(), Instant.now(), 3);
            RecordingSink resumed = source.run("WID", PAGE, SyncMode.FULL, Map.of(), interrupted.lastPage().checkpoint(),
                    Instant.now(), JiraSyncSource.PAGE_LIMIT);
            source.jira.churn().stop();
            RecordingSink incremental = source.incrementalRun("WID", PAGE, resumed.committedCursor(), Instant.now());

            assertThat(interrupted.pages()).hasSize(3).noneMatch(page -> page.last());
            assertThat(resumed.lastPage().last()).isTrue();
            assertThat(resumed.externalIds()).doesNotHaveDuplicates();
            Set<String> readTwice = new HashSet<>(interrupted.externalIds());
            readTwice.retainAll(resumed.externalIds());
            assertThat(readTwice).as("only issues edited after the interrupted run read them")
                    .isSubsetOf(source.jira.churn().editedKeys());
            assertThat(JiraSyncSource.keys(interrupted, resumed)).containsAll(atStart);
            assertThat(JiraSyncSource.versions(interrupted, resumed, incremental)).containsAll(source.versions("WID"));
        }
    }

    private static String lastCreated(JiraSyncSource source) {
        return source.jira.churn().createdKeys().get(source.jira.churn().createdKeys().size() - 1);
    }
}
