package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubFields.login;
import static io.etlfleet.transform.github.GithubFields.names;
import static io.etlfleet.transform.github.GithubFields.optionalInstant;
import static io.etlfleet.transform.github.GithubFields.repositoryPath;
import static io.etlfleet.transform.github.GithubFields.requiredInstant;
import static io.etlfleet.transform.github.GithubFields.requiredNumber;
import static io.etlfleet.transform.github.GithubFields.requiredText;
import static io.etlfleet.transform.github.GithubFields.text;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.VersionedRow;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A {@code warehouse.github_pull_requests} row, from one item of {@code GET /repos/{owner}/{repo}/pulls}. */
@SuppressWarnings("checkstyle:RecordComponentName")
record GithubPullRequestRow(
        String repository,
        int number,
        long github_id,
        String title,
        String state,
        boolean draft,
        String body,
        String author_login,
        String base_ref,
        String head_ref,
        String head_sha,
        String head_repository,
        String merge_commit_sha,
        List<String> labels,
        List<String> assignees,
        List<String> requested_reviewers,
        Instant created_at,
        Instant closed_at,
        Instant merged_at,
        Instant source_updated_at,
        long raw_id) implements VersionedRow {

    private static final String WHAT = "pull request";

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static GithubPullRequestRow from(RawRow raw, JsonNode pull) {
        JsonNode base = pull.path("base");
        JsonNode head = pull.path("head");
        return new GithubPullRequestRow(
                repositoryOf(pull),
                Math.toIntExact(requiredNumber(pull, "number", WHAT)),
                requiredNumber(pull, "id", WHAT),
                requiredText(pull, "title", WHAT),
                requiredText(pull, "state", WHAT),
                pull.path("draft").asBoolean(false),
                text(pull.path("body")),
                login(pull.path("user")),
                text(base.path("ref")),
                text(head.path("ref")),
                text(head.path("sha")),
                // null when the head repository (a fork) was deleted
                text(head.path("repo").path("full_name")),
                text(pull.path("merge_commit_sha")),
                names(pull.path("labels"), "name"),
                names(pull.path("assignees"), "login"),
                names(pull.path("requested_reviewers"), "login"),
                requiredInstant(pull, "created_at", WHAT),
                optionalInstant(pull, "closed_at"),
                optionalInstant(pull, "merged_at"),
                requiredInstant(pull, "updated_at", WHAT),
                raw.id());
    }

    /** From the pull's own API URL ({@code .../repos/{owner}/{repo}/pulls/{n}}), else its base repository. */
    private static String repositoryOf(JsonNode pull) {
        String url = text(pull.path("url"));
        if (url == null) {
            return requiredText(pull.path("base").path("repo"), "full_name", "pull request's base.repo");
        }
        return repositoryPath(url, "url")[0];
    }
}
