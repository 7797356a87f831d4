package io.etlfleet.sample.github;

import java.time.Instant;

/**
 * One commit on a repository's default branch.
 *
 * @param parentSha the previous commit's sha; null for the first
 */
public record GithubCommit(String repository, String sha, String message, GithubUser author, Instant committedAt,
        String parentSha) {
}
