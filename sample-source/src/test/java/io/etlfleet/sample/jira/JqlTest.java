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
