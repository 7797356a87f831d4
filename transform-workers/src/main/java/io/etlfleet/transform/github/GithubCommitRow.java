package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubFields.login;
import static io.etlfleet.transform.github.GithubFields.names;
import static io.etlfleet.transform.github.GithubFields.optionalInstant;
import static io.etlfleet.transform.github.GithubFields.repositoryPath;
import static io.etlfleet.transform.github.GithubFields.required;
import static io.etlfleet.transform.github.GithubFields.requiredInstant;
import static io.etlfleet.transform.github.GithubFields.requiredText;
import static io.etlfleet.transform.github.GithubFields.text;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.VersionedRow;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@code warehouse.github_commits} row, from one item of {@code GET /repos/{owner}/{repo}/commits}.
 * Git's author and committer (name, email, date) come from {@code commit}; the GitHub accounts
 * they map to, when any, from the top-level {@code author} and {@code committer}.
 */
@SuppressWarnings("checkstyle:RecordComponentName")
record GithubCommitRow(
        String repository,
        String sha,
        String message,
        String author_name,
        String author_email,
        Instant author_date,
        String author_login,
        String committer_name,
        String committer_email,
        Instant committer_date,
        String committer_login,
        List<String> parent_shas,
        Boolean verified,
        Instant source_updated_at,
        long raw_id) implements VersionedRow {

    private static final String WHAT = "commit";

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static GithubCommitRow from(RawRow raw, JsonNode item) {
        String sha = requiredText(item, "sha", WHAT);
        JsonNode commit = required(item, "commit", WHAT);
        JsonNode author = commit.path("author");
        JsonNode committer = required(commit, "committer", "commit's commit");
        Instant committedAt = requiredInstant(committer, "date", "commit's commit.committer");
        JsonNode verified = commit.path("verification").path("verified");
        return new GithubCommitRow(
                repositoryPath(requiredText(item, "url", WHAT), "url")[0],
                sha,
                requiredText(commit, "message", "commit's commit"),
                text(author.path("name")),
                text(author.path("email")),
                optionalInstant(author, "date"),
                login(item.path("author")),
                text(committer.path("name")),
                text(committer.path("email")),
                committedAt,
                login(item.path("committer")),
                names(item.path("parents"), "sha"),
                verified.isBoolean() ? verified.asBoolean() : null,
                committedAt,
                raw.id());
    }
}
