package io.etlfleet.sample.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JqlTest {

    private static JiraIssue issue(String project, long id, String updated) {
        Instant at = Instant.parse(updated);
        return new JiraIssue(project, id, project + "-" + id, "s", "d", JiraStatus.TO_DO, "Task", "Medium", null,
                JiraIssueGenerator.USERS.get(0), List.of(), at, at, List.of());
    }

    @Test
    void readsEpochMillisecondsAsAnInstantWhateverTheZone() {
        Jql jql = Jql.parse("project = WID AND updated >= 1704103200000 ORDER BY updated ASC");

        assertThat(jql.projectKey()).isEqualTo("WID");
        assertThat(jql.filter().test(issue("WID", 1, "2024-01-01T10:00:00Z"))).isTrue();
        assertThat(jql.filter().test(issue("WID", 2, "2024-01-01T09:59:59.999Z"))).isFalse();
        assertThat(jql.filter().test(issue("OPS", 3, "2024-01-02T00:00:00Z"))).isFalse();
    }

    @Test
    void ordersByUpdatedAscendingThenById() {
        Jql jql = Jql.parse("project = \"WID\" ORDER BY updated ASC");
        List<JiraIssue> sorted = List.of(issue("WID", 3, "2024-01-02T00:00:00Z"), issue("WID", 2, "2024-01-01T00:00:00Z"),
                issue("WID", 1, "2024-01-01T00:00:00Z")).stream().sorted(jql.order()).toList();

        assertThat(sorted).extracting(JiraIssue::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void breaksTiesOfTheFirstSortFieldByTheSecondAndSortsTheKeyByProjectThenNumber() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        JiraIssue moved = new JiraIssue("WID", 5, "WID-12", "s", "d", JiraStatus.TO_DO, "Task", "Medium", null,
                JiraIssueGenerator.USERS.get(0), List.of(), at, at, List.of());
        List<JiraIssue> issues = List.of(moved, issue("WID", 9, "2024-01-01T00:00:00Z"), issue("WID", 2, "2023-12-31T00:00:00Z"),
                issue("OPS", 30, "2024-01-01T00:00:00Z"));

        List<String> byKey = issues.stream().sorted(Jql.parse("project = WID ORDER BY updated ASC, key ASC").order())
                .map(JiraIssue::key).toList();
        List<String> byIdAlias = issues.stream().sorted(Jql.parse("project = WID ORDER BY updated asc, id desc").order())
                .map(JiraIssue::key).toList();

        assertThat(byKey).containsExactly("WID-2", "OPS-30", "WID-9", "WID-12");
        assertThat(byIdAlias).as("id is the issue key field to JQL").containsExactly("WID-2", "WID-12", "WID-9", "OPS-30");
    }

    @Test
    void rejectsAFieldSortedTwiceAnUnknownSortFieldAndAnEmptySortLikeJira() {
        assertThatThrownBy(() -> Jql.parse("project = WID ORDER BY key ASC, id DESC"))
                .hasMessage("The sort field 'id' is referenced multiple times in the JQL sort.");
        assertThatThrownBy(() -> Jql.parse("project = WID ORDER BY rank ASC"))
                .hasMessage("Field 'rank' does not exist or you do not have permission to view it.");
        assertThatThrownBy(() -> Jql.parse("project = WID ORDER BY updated ASC,")).isInstanceOf(Jql.JqlException.class)
                .hasMessageContaining("Expecting a field name");
    }

    @Test
    void readsAQuotedDateInTheUsersZone() {
        Jql jql = Jql.parse("updated > \"2024-01-01 10:00\"");

        assertThat(jql.filter().test(issue("WID", 1, "2024-01-01T10:00:00.001Z"))).isTrue();
        assertThat(jql.filter().test(issue("WID", 1, "2024-01-01T10:00:00Z"))).isFalse();
    }

    @Test
    void rejectsClausesItCannotParseWithJirasMessage() {
        assertThatThrownBy(() -> Jql.parse("project WID")).isInstanceOf(Jql.JqlException.class)
                .hasMessageStartingWith("Error in the JQL Query: Expecting operator");
        assertThatThrownBy(() -> Jql.parse("updated >= yesterday")).hasMessageContaining("is invalid");
        assertThatThrownBy(() -> Jql.parse("assignee = mia")).hasMessageContaining("does not exist");
    }
}
