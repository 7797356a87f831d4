package io.etlfleet.transform.jira;

import static io.etlfleet.transform.jira.JiraIssues.aJiraIssue;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.LoadResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraIssueLoaderIT {

    private static JiraWarehouse warehouse;
    private final JiraIssueLoader loader = new JiraIssueLoader();

    @BeforeAll
    static void createDatabase() {
        warehouse = new JiraWarehouse("jira_issue_loader");
    }

    @AfterAll
    static void dropDatabase() {
        warehouse.close();
    }

    @BeforeEach
    void emptyWarehouse() {
        warehouse.execute("delete from warehouse.jira_issues; delete from warehouse.jira_issue_transitions");
    }

    private List<RawRow> store(JiraIssues... issues) {
        return warehouse.store("jira_issues", "key", java.util.Arrays.stream(issues).map(JiraIssues::build)
                .toArray(tools.jackson.databind.JsonNode[]::new));
    }

    private Map<String, Object> issue(String key) {
        return warehouse.query("""
                select summary, status, description, labels::text as labels, reporter, priority, project_key,
                       source_updated_at::text as updated, raw_id
                  from warehouse.jira_issues where issue_key = '%s'""".formatted(key)).get(0);
    }

    private List<Map<String, Object>> transitions(String key) {
        return warehouse.query("""
                select history_id, from_status, to_status, extract(epoch from changed_at)::bigint as changed_at, author
                  from warehouse.jira_issue_transitions where issue_key = '%s' order by history_id""".formatted(key));
    }

    @Test
    void loadsAnIssueAndItsStatusTransitionsInOneGo() {
        LoadResult result = warehouse.load(loader, store(aJiraIssue("WID-1")
                .transition(20001, "To Do", "In Progress", "2024-01-01T11:00:00.000+0100")
                .transition(20002, "In Progress", "Done", "2024-01-01T12:00:00.000+0000")
                .updated("2024-01-01T12:00:00.000+0000")));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(issue("WID-1")).containsEntry("status", "Done").containsEntry("labels", "{backend}")
                .containsEntry("reporter", "Mia Krystof").containsEntry("project_key", "WID")
                .containsEntry("description", "Plain text from Data Center");
        assertThat(transitions("WID-1")).extracting(t -> t.get("to_status")).containsExactly("In Progress", "Done");
        assertThat(transitions("WID-1").get(0)).containsEntry("from_status", "To Do")
                .containsEntry("changed_at", 1704103200L).containsEntry("author", "Noah Okafor");
    }

    @Test
    void flattensACloudDescriptionFromAtlassianDocumentFormat() {
        warehouse.load(loader, store(aJiraIssue("WID-2").adfDescription("Steps:", "open the page")));

        assertThat(issue("WID-2")).containsEntry("description", "Steps:\nopen the page");
    }

    @Test
    void loadingTheSameRowsAgainChangesNothing() {
        List<RawRow> rows = store(aJiraIssue("WID-3").transition(20003, "To Do", "In Progress", "2024-01-02T00:00:00.000+0000"));
        warehouse.load(loader, rows);
        Map<String, Object> before = issue("WID-3");

        LoadResult again = warehouse.load(loader, rows);

        assertThat(again.upserted()).isZero();
        assertThat(again.stale()).isEqualTo(1);
        assertThat(issue("WID-3")).isEqualTo(before);
        assertThat(transitions("WID-3")).hasSize(1);
    }

    @Test
    void aNewerVersionReplacesTheIssueAndAddsOnlyItsNewTransitions() {
        JiraIssues issue = aJiraIssue("WID-4").transition(20004, "To Do", "In Progress", "2024-01-02T00:00:00.000+0000");
        warehouse.load(loader, store(issue));

        warehouse.load(loader, store(issue.transition(20005, "In Progress", "Done", "2024-01-03T00:00:00.000+0000")
                .summary("Renamed").updated("2024-01-03T00:00:00.000+0000")));

        assertThat(issue("WID-4")).containsEntry("summary", "Renamed").containsEntry("status", "Done");
        assertThat(transitions("WID-4")).extracting(t -> t.get("history_id")).containsExactly(20004L, 20005L);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        JiraIssues issue = aJiraIssue("WID-5").summary("old").updated("2024-02-01T00:00:00.000+0000");
        List<RawRow> older = store(issue);
        List<RawRow> newer = store(issue.summary("new").updated("2024-03-01T00:00:00.000+0000")
                .transition(20006, "To Do", "Done", "2024-03-01T00:00:00.000+0000"));

        warehouse.load(loader, newer);
        LoadResult replayOfOlder = warehouse.load(loader, older);

        assertThat(replayOfOlder.upserted()).isZero();
        assertThat(issue("WID-5")).containsEntry("summary", "new").containsEntry("status", "Done");
        assertThat(transitions("WID-5")).hasSize(1);
    }

    @Test
    void keepsTheNewestVersionWhenABatchHoldsTheSameIssueTwice() {
        LoadResult result = warehouse.load(loader, store(
                aJiraIssue("WID-6").summary("newest").updated("2024-03-01T00:00:00.500+0000"),
                aJiraIssue("WID-6").summary("older").updated("2024-03-01T00:00:00.000+0000")));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(issue("WID-6")).containsEntry("summary", "newest");
    }

    @Test
    void aMalformedIssueIsRejectedAndTheRestOfTheBatchLoads() {
        LoadResult result = warehouse.load(loader, store(aJiraIssue("WID-7").updated("yesterday"), aJiraIssue("WID-8")));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("WID-7");
            assertThat(r.reason()).contains("updated");
        });
        assertThat(warehouse.query("select issue_key from warehouse.jira_issues")).hasSize(1);
    }

    @Test
    void anIssueMovedToAnotherProjectStaysOneRowUnderItsNewKeyWithItsTransitions() {
        JiraIssues issue = aJiraIssue("OPS-12").transition(20010, "To Do", "In Progress", "2024-01-02T00:00:00.000+0000")
                .updated("2024-01-02T00:00:00.000+0000");
        List<RawRow> beforeTheMove = store(issue);
        warehouse.load(loader, beforeTheMove);

        warehouse.load(loader, store(issue.movedTo("WEB-40").transition(20011, "In Progress", "Done",
                "2024-01-05T00:00:00.000+0000").updated("2024-01-05T00:00:00.000+0000")));

        assertThat(warehouse.query("select issue_key, project_key, status from warehouse.jira_issues"))
                .singleElement().satisfies(row -> assertThat(row).containsEntry("issue_key", "WEB-40")
                        .containsEntry("project_key", "WEB").containsEntry("status", "Done"));
        assertThat(transitions("WEB-40")).extracting(t -> t.get("history_id")).containsExactly(20010L, 20011L);
        assertThat(transitions("OPS-12")).isEmpty();

        // The version from before the move, replayed or transformed late, brings nothing back.
        LoadResult late = warehouse.load(loader, beforeTheMove);

        assertThat(late.upserted()).isZero();
        assertThat(warehouse.query("select issue_key from warehouse.jira_issues")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("issue_key", "WEB-40"));
        assertThat(transitions("OPS-12")).isEmpty();
        assertThat(transitions("WEB-40")).hasSize(2);
    }

    @Test
    void aBatchHoldingAnIssueBeforeAndAfterItsMoveLoadsTheNewestOnce() {
        JiraIssues issue = aJiraIssue("OPS-13").transition(20012, "To Do", "Done", "2024-01-02T00:00:00.000+0000")
                .updated("2024-01-02T00:00:00.000+0000");
        JiraIssues before = aJiraIssue("OPS-13").transition(20012, "To Do", "Done", "2024-01-02T00:00:00.000+0000")
                .updated("2024-01-02T00:00:00.000+0000");

        LoadResult result = warehouse.load(loader, store(issue.movedTo("WEB-41").updated("2024-01-03T00:00:00.000+0000"),
                before));

        assertThat(result.upserted()).isEqualTo(1);
        assertThat(warehouse.query("select issue_key from warehouse.jira_issues")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("issue_key", "WEB-41"));
        assertThat(transitions("WEB-41")).hasSize(1);
        assertThat(transitions("OPS-13")).isEmpty();
    }
}
