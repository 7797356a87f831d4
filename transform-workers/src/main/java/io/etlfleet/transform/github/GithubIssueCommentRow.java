package io.etlfleet.transform.github;

import static io.etlfleet.transform.github.GithubFields.login;
import static io.etlfleet.transform.github.GithubFields.repositoryPath;
import static io.etlfleet.transform.github.GithubFields.requiredInstant;
import static io.etlfleet.transform.github.GithubFields.requiredNumber;
import static io.etlfleet.transform.github.GithubFields.requiredText;
import static io.etlfleet.transform.github.GithubFields.text;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.VersionedRow;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A {@code warehouse.github_issue_comments} row, from one item of
 * {@code GET /repos/{owner}/{repo}/issues/comments}. The repository and issue number come
 * from the comment's {@code issue_url} ({@code .../repos/{owner}/{repo}/issues/{number}}).
 */
@SuppressWarnings("checkstyle:RecordComponentName")
record GithubIssueCommentRow(
        long comment_id,
        String repository,
        int issue_number,
        String author_login,
        String author_association,
        String body,
        Instant created_at,
        Instant source_updated_at,
        long raw_id) implements VersionedRow {

    private static final String WHAT = "issue comment";

    /** @throws IllegalArgumentException when a required field is missing or malformed */
    static GithubIssueCommentRow from(RawRow raw, JsonNode comment) {
        String[] issue = repositoryPath(requiredText(comment, "issue_url", WHAT), "issue_url");
        return new GithubIssueCommentRow(
                requiredNumber(comment, "id", WHAT),
                issue[0],
                issueNumber(issue[1], comment.path("issue_url").asString()),
                login(comment.path("user")),
                text(comment.path("author_association")),
                text(comment.path("body")),
                requiredInstant(comment, "created_at", WHAT),
                requiredInstant(comment, "updated_at", WHAT),
                raw.id());
    }

    private static int issueNumber(String rest, String url) {
        if (rest.startsWith("issues/")) {
            try {
                return Integer.parseInt(rest.substring("issues/".length()));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'issue_url' does not name an issue: " + url);
    }
}
