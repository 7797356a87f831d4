package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubFields.login;
import static io.etlfleet.transform.github.GithubFields.names;
import static io.etlfleet.transform.github.GithubFields.optionalInstant;
import static io.etlfleet.transform.github.GithubFields.required;
import static io.etlfleet.transform.github.GithubFields.requiredInstant;
import static io.etlfleet.transform.github.GithubFields.text;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.VersionedRow;
import java.time.Instant;
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
        long raw_id) implements VersionedRow {

    private static final String WHAT = "issue";

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static GithubIssueRow from(RawRow raw, JsonNode issue) {
        String repository = repositoryOf(raw.externalId());
        return new GithubIssueRow(
                repository,
                required(issue, "number", WHAT).asInt(),
                required(issue, "id", WHAT).asLong(),
                required(issue, "title", WHAT).asString(),
                required(issue, "state", WHAT).asString(),
                text(issue.path("body")),
                login(issue.path("user")),
                names(issue.path("labels"), "name"),
                names(issue.path("assignees"), "login"),
                issue.path("comments").asInt(0),
                requiredInstant(issue, "created_at", WHAT),
                optionalInstant(issue, "closed_at"),
                requiredInstant(issue, "updated_at", WHAT),
                raw.id());
    }

    private static String repositoryOf(String externalId) {
        int hash = externalId.lastIndexOf('#');
        if (hash <= 0) {
            throw new IllegalArgumentException("external id '" + externalId + "' is not owner/repo#number");
        }
        return externalId.substring(0, hash);
    }
}
