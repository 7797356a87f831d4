package io.etlfleet.transform.jira;

import static io.etlfleet.transform.jira.JiraFields.instant;
import static io.etlfleet.transform.jira.JiraFields.number;
import static io.etlfleet.transform.jira.JiraFields.required;
import static io.etlfleet.transform.jira.JiraFields.text;
import static io.etlfleet.transform.jira.JiraFields.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@code warehouse.jira_issue_transitions} row: one status item of one changelog history, with
 * the updated time of the issue version it was read from.
 */
@SuppressWarnings("checkstyle:RecordComponentName")
record JiraTransitionRow(
        String issue_key,
        long history_id,
        String from_status,
        String to_status,
        Instant changed_at,
        String author,
        Instant source_updated_at,
        long raw_id) {

    /** The status changes in an issue's changelog, oldest first as Jira lists them. */
    static List<JiraTransitionRow> from(String issueKey, JsonNode issue, Instant issueUpdatedAt, long rawId) {
        List<JiraTransitionRow> rows = new ArrayList<>();
        for (JsonNode history : issue.path("changelog").path("histories")) {
            for (JsonNode item : history.path("items")) {
                boolean status = "status".equals(text(item.path("fieldId"))) || "status".equals(text(item.path("field")));
                if (status) {
                    rows.add(new JiraTransitionRow(issueKey,
                            number(required(history, "id", "changelog history of " + issueKey), "history id"),
                            text(item.path("fromString")),
                            required(item, "toString", "status change of " + issueKey).asString(),
                            instant(required(history, "created", "changelog history of " + issueKey), "history created"),
                            user(history.path("author")),
                            issueUpdatedAt,
                            rawId));
                }
            }
        }
        return rows;
    }
}
