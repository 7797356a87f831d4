package io.etlfleet.sample.github;

import java.time.Instant;

/** A comment on an issue or a pull request's conversation; changes create a new version with a later {@code updatedAt}. */
public record GithubComment(String repository, long id, int issueNumber, String body, GithubUser author,
        Instant createdAt, Instant updatedAt) {

    GithubComment edited(String newBody, Instant at) {
        return new GithubComment(repository, id, issueNumber, newBody, author, createdAt, at);
    }
}
