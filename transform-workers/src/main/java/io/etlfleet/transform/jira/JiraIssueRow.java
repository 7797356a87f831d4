package io.etlfleet.transform.jira;

import static io.etlfleet.transform.jira.JiraFields.instant;
import static io.etlfleet.transform.jira.JiraFields.number;
import static io.etlfleet.transform.jira.JiraFields.required;
import static io.etlfleet.transform.jira.JiraFields.text;
import static io.etlfleet.transform.jira.JiraFields.user;

import io.etlfleet.storage.raw.RawRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@code warehouse.jira_issues} row; component names are the column names, so the record
 * serialises straight into the upsert's {@code jsonb_to_recordset}.
 */
@SuppressWarnings("checkstyle:RecordComponentName")
record JiraIssueRow(
        String issue_key,
        long jira_id,
        String project_key,
        String summary,
        String status,
        String issue_type,
        String assignee,
        String reporter,
        String priority,
        List<String> labels,
        String description,
        Instant created_at,
        Instant source_updated_at,
        long raw_id) {

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static JiraIssueRow from(RawRow raw, JsonNode issue) {
        JsonNode fields = required(issue, "fields", "issue");
        String key = required(issue, "key", "issue").asString();
        List<String> labels = new ArrayList<>();
        fields.path("labels").forEach(label -> labels.add(label.asString()));
        return new JiraIssueRow(
                key,
                number(required(issue, "id", "issue"), "id"),
                projectKey(fields, key),
                required(fields, "summary", "issue " + key).asString(),
                required(required(fields, "status", "issue " + key), "name", "status of " + key).asString(),
                text(fields.path("issuetype").path("name")),
                user(fields.path("assignee")),
                user(fields.path("reporter")),
                text(fields.path("priority").path("name")),
                labels,
                AdfText.of(fields.get("description")),
                instant(required(fields, "created", "issue " + key), "created"),
                instant(required(fields, "updated", "issue " + key), "updated"),
                raw.id());
    }

    private static String projectKey(JsonNode fields, String issueKey) {
        String key = text(fields.path("project").path("key"));
        return key != null ? key : issueKey.substring(0, Math.max(0, issueKey.lastIndexOf('-')));
    }
}
