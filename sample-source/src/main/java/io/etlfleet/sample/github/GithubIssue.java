package io.etlfleet.sample.github;

import java.time.Instant;
import java.util.List;

/**
 * One item of a repository's issue list: an issue or, when {@link #pullRequest()} is true,
 * a pull request (GitHub lists both under {@code /issues}). Immutable; changes create a new
 * version with a later {@code updatedAt}.
 *
 * @param repository  {@code owner/repo}
 * @param stateReason {@code completed}, {@code not_planned}, {@code reopened} or null
 * @param mergedAt    for pull requests, when merged; null otherwise
 */
public record GithubIssue(
        String repository,
        long id,
        int number,
        String title,
        String body,
        String state,
        String stateReason,
        GithubUser author,
        GithubUser assignee,
        List<GithubLabel> labels,
        int comments,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        boolean pullRequest,
        Instant mergedAt) {

    public GithubIssue {
        labels = List.copyOf(labels);
    }

    public boolean open() {
        return "open".equals(state);
    }

    GithubIssue withTitle(String newTitle, Instant at) {
        return new GithubIssue(repository, id, number, newTitle, body, state, stateReason, author, assignee,
                labels, comments, createdAt, at, closedAt, pullRequest, mergedAt);
    }

    GithubIssue closed(Instant at) {
        return new GithubIssue(repository, id, number, title, body, "closed", "completed", author, assignee,
                labels, comments, createdAt, at, at, pullRequest, mergedAt);
    }
}
