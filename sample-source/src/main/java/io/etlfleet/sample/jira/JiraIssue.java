package io.etlfleet.sample.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a Jira issue. Immutable; every change makes a new version with a later
 * {@code updated}. {@code histories} is the complete changelog, oldest first.
 */
public record JiraIssue(
        String projectKey,
        long id,
        String key,
        String summary,
        String description,
        JiraStatus status,
        String issueType,
        String priority,
        JiraUser assignee,
        JiraUser reporter,
        List<String> labels,
        Instant created,
        Instant updated,
        List<JiraHistory> histories) {

    public JiraIssue {
        labels = List.copyOf(labels);
        histories = List.copyOf(histories);
    }

    /** The number of the key within its project: 7 for {@code WID-7}. */
    public int number() {
        return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
    }

    JiraIssue withSummary(String newSummary, Instant at) {
        return new JiraIssue(projectKey, id, key, newSummary, description, status, issueType, priority, assignee,
                reporter, labels, created, at, histories);
    }

    /** The same issue (same id) in another project, under that project's next key. */
    JiraIssue movedTo(String toProject, String newKey, Instant at) {
        return new JiraIssue(toProject, id, newKey, summary, description, status, issueType, priority, assignee,
                reporter, labels, created, at, histories);
    }

    JiraIssue transitioned(JiraStatus to, long historyId, JiraUser author, Instant at) {
        List<JiraHistory> more = new ArrayList<>(histories);
        more.add(new JiraHistory(historyId, at, author, status, to));
        return new JiraIssue(projectKey, id, key, summary, description, to, issueType, priority, assignee,
                reporter, labels, created, at, more);
    }
}
