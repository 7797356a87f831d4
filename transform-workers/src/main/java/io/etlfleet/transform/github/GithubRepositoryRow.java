package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubFields.integer;
import static io.etlfleet.transform.github.GithubFields.optionalInstant;
import static io.etlfleet.transform.github.GithubFields.required;
import static io.etlfleet.transform.github.GithubFields.requiredInstant;
import static io.etlfleet.transform.github.GithubFields.requiredNumber;
import static io.etlfleet.transform.github.GithubFields.requiredText;
import static io.etlfleet.transform.github.GithubFields.text;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.VersionedRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A {@code warehouse.github_repositories} row, from a repository object of the repository listings or {@code GET /repos/{owner}/{repo}}. */
@SuppressWarnings("checkstyle:RecordComponentName")
record GithubRepositoryRow(
        long github_id,
        String full_name,
        String owner_login,
        String name,
        boolean private_,
        String visibility,
        String description,
        boolean fork,
        boolean archived,
        String default_branch,
        String language,
        List<String> topics,
        Integer stargazers_count,
        Integer forks_count,
        Integer open_issues_count,
        Instant created_at,
        Instant pushed_at,
        Instant source_updated_at,
        long raw_id) implements VersionedRow {

    private static final String WHAT = "repository";

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static GithubRepositoryRow from(RawRow raw, JsonNode repo) {
        JsonNode isPrivate = required(repo, "private", WHAT);
        if (!isPrivate.isBoolean()) {
            throw new IllegalArgumentException("repository's 'private' is not a boolean: " + isPrivate);
        }
        List<String> topics = new ArrayList<>();
        repo.path("topics").forEach(topic -> {
            if (topic.isString()) {
                topics.add(topic.asString());
            }
        });
        return new GithubRepositoryRow(
                requiredNumber(repo, "id", WHAT),
                requiredText(repo, "full_name", WHAT),
                requiredText(required(repo, "owner", WHAT), "login", "repository's owner"),
                requiredText(repo, "name", WHAT),
                isPrivate.asBoolean(),
                text(repo.path("visibility")),
                text(repo.path("description")),
                repo.path("fork").asBoolean(false),
                repo.path("archived").asBoolean(false),
                text(repo.path("default_branch")),
                text(repo.path("language")),
                topics,
                integer(repo.path("stargazers_count")),
                integer(repo.path("forks_count")),
                integer(repo.path("open_issues_count")),
                optionalInstant(repo, "created_at"),
                optionalInstant(repo, "pushed_at"),
                requiredInstant(repo, "updated_at", WHAT),
                raw.id());
    }
}
