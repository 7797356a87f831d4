package io.etlfleet.transform.github;

import io.etlfleet.storage.raw.RawRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@code warehouse.github_issues} row; component names are the column names, so the
 * record serialises straight into the upsert's {@code jsonb_to_recordset}.
 */
@SuppressWarnings("checkstyle:RecordComponentName")
record GithubIssueRow(
        String repository,
        int number,
        long github_id,
        String title,
        String state,
        String body,
        String author_login,
        List<String> labels,
        List<String> assignees,
        int comments,
        Instant created_at,
        Instant closed_at,
        Instant source_updated_at,
        long raw_id) {

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static GithubIssueRow from(RawRow raw, JsonNode issue) {
        String repository = repositoryOf(raw.externalId());
        return new GithubIssueRow(
                repository,
                required(issue, "number").asInt(),
                required(issue, "id").asLong(),
                required(issue, "title").asString(),
                required(issue, "state").asString(),
                text(issue, "body"),
                issue.path("user").path("login").isString() ? issue.path("user").path("login").asString() : null,
                names(issue.path("labels"), "name"),
                names(issue.path("assignees"), "login"),
                issue.path("comments").asInt(0),
                instant(required(issue, "created_at").asString()),
                issue.path("closed_at").isString() ? instant(issue.path("closed_at").asString()) : null,
                instant(required(issue, "updated_at").asString()),
                raw.id());
    }

    private static String repositoryOf(String externalId) {
        int hash = externalId.lastIndexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("external id '" + externalId + "' is not owner/repo#number");
        }
        return externalId.substring(0, hash);
    }

    private static JsonNode required(JsonNode issue, String field) {
        JsonNode value = issue.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("issue has no '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode issue, String field) {
        JsonNode value = issue.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : array) {
            if (item.path(field).isString()) {
                names.add(item.path(field).asString());
            }
        }
        return names;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + value);
        }
    }
}
