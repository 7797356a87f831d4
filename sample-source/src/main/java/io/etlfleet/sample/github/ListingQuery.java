package io.etlfleet.sample.github;

import java.time.Instant;
import java.util.Comparator;

/**
 * The filter and order of {@code GET /repos/{owner}/{repo}/issues}, after validation.
 *
 * @param state     open, closed or all
 * @param since     only items updated at or after this time; null for all
 * @param sort      created, updated or comments
 * @param ascending direction
 */
record ListingQuery(String state, Instant since, String sort, boolean ascending) {

    boolean matches(GithubIssue issue) {
        boolean stateMatches = "all".equals(state) || state.equals(issue.state());
        return stateMatches && (since == null || !issue.updatedAt().isBefore(since));
    }

    Comparator<GithubIssue> order() {
        Comparator<GithubIssue> byKey = switch (sort) {
            case "updated" -> Comparator.comparing(GithubIssue::updatedAt);
            case "comments" -> Comparator.comparingInt(GithubIssue::comments);
            default -> Comparator.comparing(GithubIssue::createdAt);
        };
        // Ties fall back to the issue number so that pages are stable between requests.
        Comparator<GithubIssue> total = byKey.thenComparingInt(GithubIssue::number);
        return ascending ? total : total.reversed();
    }
}
