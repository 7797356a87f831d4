package io.etlfleet.sample.github;

import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The list endpoints besides issues, with GitHub's parameters, defaults and validation (422
 * "Validation Failed" for an invalid enum value or timestamp):
 * <ul>
 *   <li>{@code GET /repos/{o}/{r}/pulls}: {@code state} (open|closed|all, default open), {@code sort}
 *       (created|updated|popularity|long-running, default created), {@code direction} (default desc
 *       for created, else asc); no {@code since};</li>
 *   <li>{@code GET /repos/{o}/{r}/commits}: newest first by committer date, {@code since}/{@code until}
 *       inclusive; 409 "Git Repository is empty." without commits;</li>
 *   <li>{@code GET /repos/{o}/{r}/issues/comments}: {@code sort} (created|updated, default created),
 *       {@code direction} (asc|desc, ignored without sort), {@code since} (updated at or after);</li>
 *   <li>{@code GET /orgs/{org}/repos}, {@code GET /users/{user}/repos}: {@code type}, {@code sort}
 *       (created|updated|pushed|full_name, default created), {@code direction} (default asc for
 *       full_name, else desc).</li>
 * </ul>
 */
final class ActivityListings {

    static final String PULLS_DOCS = "https://docs.github.com/rest/pulls/pulls#list-pull-requests";
    static final String COMMITS_DOCS = "https://docs.github.com/rest/commits/commits#list-commits";
    static final String COMMENTS_DOCS = "https://docs.github.com/rest/issues/comments#list-issue-comments-for-a-repository";
    static final String REPOS_DOCS = "https://docs.github.com/rest/repos/repos#list-organization-repositories";

    private ActivityListings() {
    }

    static ApiResponse pulls(GithubSample sample, RepositoryState repo, ApiRequest request, String linkBase) {
        String state = request.param("state").orElse("open");
        String sort = request.param("sort").orElse("created");
        Optional<ApiResponse> invalid = oneOf("PullRequest", "state", state, Set.of("open", "closed", "all"), PULLS_DOCS)
                .or(() -> oneOf("PullRequest", "sort", sort, Set.of("created", "updated", "popularity", "long-running"),
                        PULLS_DOCS))
                .or(() -> direction("PullRequest", request, PULLS_DOCS));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        boolean ascending = request.param("direction").map("asc"::equals).orElse(!"created".equals(sort));
        Comparator<GithubIssue> order = switch (sort) {
            case "updated" -> Comparator.comparing(GithubIssue::updatedAt);
            case "popularity" -> Comparator.comparingInt(GithubIssue::comments);
            case "long-running" -> Comparator.comparing(GithubIssue::createdAt).reversed();
            default -> Comparator.comparing(GithubIssue::createdAt);
        };
        Comparator<GithubIssue> total = order.thenComparingInt(GithubIssue::number);
        List<GithubIssue> pulls = new ArrayList<>(repo.all().stream().filter(GithubIssue::pullRequest)
                .filter(pr -> "all".equals(state) || state.equals(pr.state())).toList());
        pulls.sort(ascending ? total : total.reversed());
        ActivityJson json = sample.activityJson();
        return PagedList.respond(request, linkBase, pulls, pr -> json.pullBytes(pr, repo));
    }

    static ApiResponse commits(GithubSample sample, RepositoryState repo, ApiRequest request, String linkBase) {
        Instant since = null;
        Instant until = null;
        if (request.param("since").isPresent()) {
            since = IssueListing.parseSince(request.param("since").get());
            if (since == null) {
                return invalid("Commit", "since", request.param("since").get(), COMMITS_DOCS);
            }
        }
        if (request.param("until").isPresent()) {
            until = IssueListing.parseSince(request.param("until").get());
            if (until == null) {
                return invalid("Commit", "until", request.param("until").get(), COMMITS_DOCS);
            }
        }
        List<GithubCommit> all = repo.commits();
        if (all.isEmpty()) {
            return GithubApi.error(409, "Git Repository is empty.", COMMITS_DOCS);
        }
        List<GithubCommit> matching = new ArrayList<>();
        ActivityJson json = sample.activityJson();
        for (int i = all.size() - 1; i >= 0; i--) {
            GithubCommit commit = all.get(i);
            boolean afterSince = since == null || !commit.committedAt().isBefore(since);
            boolean beforeUntil = until == null || !commit.committedAt().isAfter(until);
            if (afterSince && beforeUntil) {
                matching.add(commit);
            }
        }
        return PagedList.respond(request, linkBase, matching, json::commitBytes);
    }

    static ApiResponse comments(GithubSample sample, RepositoryState repo, ApiRequest request, String linkBase) {
        Optional<String> sortParam = request.param("sort");
        String sort = sortParam.orElse("created");
        Optional<ApiResponse> invalid = oneOf("IssueComment", "sort", sort, Set.of("created", "updated"), COMMENTS_DOCS)
                .or(() -> direction("IssueComment", request, COMMENTS_DOCS));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Instant since = null;
        if (request.param("since").isPresent()) {
            since = IssueListing.parseSince(request.param("since").get());
            if (since == null) {
                return invalid("IssueComment", "since", request.param("since").get(), COMMENTS_DOCS);
            }
        }
        boolean ascending = sortParam.isEmpty() || request.param("direction").map("asc"::equals).orElse(true);
        Comparator<GithubComment> order = ("updated".equals(sort) ? Comparator.comparing(GithubComment::updatedAt)
                : Comparator.comparing(GithubComment::createdAt)).thenComparingLong(GithubComment::id);
        Instant from = since;
        List<GithubComment> comments = new ArrayList<>(repo.comments().stream()
                .filter(c -> from == null || !c.updatedAt().isBefore(from)).toList());
        comments.sort(ascending ? order : order.reversed());
        ActivityJson json = sample.activityJson();
        return PagedList.respond(request, linkBase, comments,
                c -> json.commentBytes(c, repo.get(c.issueNumber()).pullRequest()));
    }

    static ApiResponse ownerRepositories(GithubSample sample, String owner, boolean organization, ApiRequest request,
            String linkBase) {
        Set<String> types = organization ? Set.of("all", "public", "private", "forks", "sources", "member")
                : Set.of("all", "owner", "member");
        String sort = request.param("sort").orElse("created");
        Optional<ApiResponse> invalid = oneOf("Repository", "type", request.param("type").orElse(organization ? "all"
                : "owner"), types, REPOS_DOCS)
                .or(() -> oneOf("Repository", "sort", sort, Set.of("created", "updated", "pushed", "full_name"), REPOS_DOCS))
                .or(() -> direction("Repository", request, REPOS_DOCS));
        if (invalid.isPresent()) {
            return invalid.get();
        }
        boolean ascending = request.param("direction").map("asc"::equals).orElse("full_name".equals(sort));
        Comparator<RepositoryState> order = switch (sort) {
            case "updated" -> Comparator.comparing(RepositoryState::updatedAt);
            case "pushed" -> Comparator.comparing(RepositoryState::lastUpdated);
            case "full_name" -> Comparator.comparing(RepositoryState::fullName, String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(RepositoryState::createdAt);
        };
        Comparator<RepositoryState> total = order.thenComparingLong(RepositoryState::id);
        List<RepositoryState> repos = new ArrayList<>(sample.ownedBy(owner));
        repos.sort(ascending ? total : total.reversed());
        return PagedList.respond(request, linkBase, repos, repo -> GithubJson.bytes(Resources.repository(sample, repo)));
    }

    private static Optional<ApiResponse> direction(String resource, ApiRequest request, String docs) {
        return request.param("direction").flatMap(d -> oneOf(resource, "direction", d, Set.of("asc", "desc"), docs));
    }

    private static Optional<ApiResponse> oneOf(String resource, String field, String value, Set<String> allowed,
            String docs) {
        return allowed.contains(value) ? Optional.empty() : Optional.of(invalid(resource, field, value, docs));
    }

    private static ApiResponse invalid(String resource, String field, String value, String docs) {
        return ApiResponse.json(422, GithubJson.validationFailed(resource, field, value, docs));
    }
}
