package io.etlfleet.transform.jira;

import io.etlfleet.storage.JsonColumns;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Test-data builder for Jira issue JSON as the connector stores it (complete changelog included). */
final class JiraIssues {

    private final ObjectNode issue = JsonColumns.MAPPER.createObjectNode();
    private final ArrayNode histories;

    private JiraIssues(String key) {
        issue.put("id", Long.toString(10_000 + Math.abs(key.hashCode() % 10_000)));
        issue.put("key", key);
        ObjectNode fields = issue.putObject("fields");
        fields.put("summary", "A summary");
        fields.putObject("status").put("name", "To Do");
        fields.putObject("issuetype").put("name", "Bug");
        fields.putObject("project").put("key", key.substring(0, key.indexOf('-')));
        fields.putObject("reporter").put("displayName", "Mia Krystof");
        fields.putNull("assignee");
        fields.putObject("priority").put("name", "High");
        fields.putArray("labels").add("backend");
        fields.put("description", "Plain text from Data Center");
        fields.put("created", "2024-01-01T10:00:00.000+0000");
        fields.put("updated", "2024-01-01T10:00:00.000+0000");
        ObjectNode changelog = issue.putObject("changelog");
        changelog.put("startAt", 0);
        histories = changelog.putArray("histories");
    }

    static JiraIssues aJiraIssue(String key) {
        return new JiraIssues(key);
    }

    JiraIssues summary(String summary) {
        fields().put("summary", summary);
        return this;
    }

    /** As Jira moves an issue to another project: same id, the new key and project. */
    JiraIssues movedTo(String newKey) {
        issue.put("key", newKey);
        ((ObjectNode) fields().get("project")).put("key", newKey.substring(0, newKey.indexOf('-')));
        return this;
    }

    JiraIssues updated(String jiraTimestamp) {
        fields().put("updated", jiraTimestamp);
        return this;
    }

    JiraIssues adfDescription(String firstLine, String secondLine) {
        ObjectNode doc = fields().putObject("description");
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        ObjectNode first = content.addObject().put("type", "paragraph");
        first.putArray("content").addObject().put("type", "text").put("text", firstLine)
                .putArray("marks").addObject().put("type", "strong");
        ObjectNode second = content.addObject().put("type", "paragraph");
        second.putArray("content").addObject().put("type", "text").put("text", secondLine);
        return this;
    }

    /** Adds a status change and makes it the current status. */
    JiraIssues transition(long historyId, String from, String to, String at) {
        ObjectNode history = histories.addObject();
        history.put("id", Long.toString(historyId));
        history.putObject("author").put("displayName", "Noah Okafor");
        history.put("created", at);
        ArrayNode items = history.putArray("items");
        items.addObject().put("field", "labels").put("fromString", "").put("toString", "backend");
        ObjectNode item = items.addObject();
        item.put("field", "status").put("fieldtype", "jira").put("fromString", from).put("toString", to);
        ((ObjectNode) fields().get("status")).put("name", to);
        return this;
    }

    ObjectNode build() {
        ObjectNode changelog = (ObjectNode) issue.get("changelog");
        changelog.put("maxResults", histories.size());
        changelog.put("total", histories.size());
        return issue.deepCopy();
    }

    private ObjectNode fields() {
        return (ObjectNode) issue.get("fields");
    }
}
