package io.etlfleet.sample.github;

/** A GitHub account as it appears in issues (author, assignee). */
public record GithubUser(String login, long id) {
}
