package io.etlfleet.sample.github;

import io.etlfleet.sample.http.ApiHandler;
import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake GitHub REST API. Each request passes, in order: injected faults, authentication
 * ({@code Authorization: Bearer|token <token>}), the API version check, the primary rate
 * limit, then routing. Every response carries GitHub's {@code x-ratelimit-*} headers.
 */
public final class GithubApi implements ApiHandler {

    static final String API_VERSION = "2022-11-28";
    private static final String REST_DOCS = "https://docs.github.com/rest";
    private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)");
    private static final Pattern ISSUES = Pattern.compile("/repos/([^/]+)/([^/]+)/issues");
    private static final Pattern REPO_LIST = Pattern.compile("/repos/([^/]+)/([^/]+)/(pulls|commits|issues/comments)");
    private static final Pattern OWNER = Pattern.compile("/(orgs|users)/([^/]+)(/repos)?");
    private static final Pattern BY_ID = Pattern.compile("/repositories/(\\d+)(/.*)?");
    private static final Pattern UNDER_REPO = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");
    static final String PAGINATION_LIMITED = "In order to keep the API fast for everyone, pagination is limited for this "
            + "resource. Check the rel=last link relation in the Link response header to see how far back you can traverse.";

    private final GithubSample sample;
    private final RateLimitBudget budget;
    private final Clock clock;
    private final String pathPrefix;

    /** @param pathPrefix where the API is mounted: empty like api.github.com, or {@code /api/v3} like GitHub Enterprise Server */
    public GithubApi(GithubSample sample, int rateLimit, Clock clock, String pathPrefix, String apiBase, String htmlBase) {
        this.sample = sample;
        this.budget = new RateLimitBudget(rateLimit, clock);
        this.clock = clock;
        this.pathPrefix = pathPrefix;
        sample.renderWith(new GithubJson(apiBase, htmlBase));
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Optional<GithubFaults.Fault> fault = sample.faults().next();
        if (fault.isPresent()) {
            return withCommonHeaders(FaultResponses.render(fault.get(), budget.peek(), sample.tokenOwner(), clock), budget.peek());
        }
        if (!authenticated(request)) {
            return withCommonHeaders(error(401, "Bad credentials", REST_DOCS), budget.peek());
        }
        Optional<String> version = request.header("x-github-api-version");
        if (version.isPresent() && !API_VERSION.equals(version.get())) {
            return withCommonHeaders(error(400, "API version " + version.get() + " is not supported.", REST_DOCS),
                    budget.peek());
        }
        if (request.path().equals("/rate_limit") && request.method().equals("GET")) {
            return withCommonHeaders(Resources.rateLimit(budget.peek()), budget.peek());
        }
        if (budget.exhausted()) {
            return withCommonHeaders(FaultResponses.primaryExhausted(sample.tokenOwner(), clock), budget.peek());
        }
        ApiResponse response = route(request);
        String etag = etag(response);
        if (response.status() == 200 && request.header("if-none-match").filter(etag::equals).isPresent()) {
            // Conditional requests answered with 304 do not count against GitHub's limit.
            return withCommonHeaders(new ApiResponse(304, Map.of(), null), budget.peek()).withHeader("etag", etag);
        }
        ApiResponse counted = withCommonHeaders(response, budget.consume());
        return response.status() == 200 ? counted.withHeader("etag", etag) : counted;
    }

    private ApiResponse route(ApiRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(404, "Not Found", REST_DOCS);
        }
        if (request.path().equals("/user")) {
            return ApiResponse.json(200, GithubJson.bytes(Resources.authenticatedUser(sample)));
        }
        Optional<ApiResponse> moved = movedPermanently(request);
        if (moved.isPresent()) {
            return moved.get();
        }
        // GitHub serves a repository under /repositories/{id}/... too; its links then keep that form.
        String path = request.path();
        Matcher byId = BY_ID.matcher(path);
        if (byId.matches()) {
            Optional<RepositoryState> found = sample.findById(Long.parseLong(byId.group(1)));
            if (found.isEmpty()) {
                return error(404, "Not Found", REST_DOCS);
            }
            path = "/repos/" + found.get().fullName() + (byId.group(2) == null ? "" : byId.group(2));
        }
        Matcher issues = ISSUES.matcher(path);
        if (issues.matches()) {
            return sample.find(issues.group(1) + "/" + issues.group(2))
                    .map(repo -> listed(repo, request, IssueListing.list(repo, request, request.origin() + pathPrefix)))
                    .orElseGet(() -> error(404, "Not Found", IssueListing.DOCS));
        }
        Matcher list = REPO_LIST.matcher(path);
        if (list.matches()) {
            String base = request.origin() + pathPrefix;
            return sample.find(list.group(1) + "/" + list.group(2)).map(state -> listed(state, request, switch (list.group(3)) {
                case "pulls" -> ActivityListings.pulls(sample, state, request, base);
                case "commits" -> ActivityListings.commits(sample, state, request, base);
                default -> ActivityListings.comments(sample, state, request, base);
            })).orElseGet(() -> error(404, "Not Found", REST_DOCS));
        }
        Matcher owner = OWNER.matcher(path);
        if (owner.matches()) {
            return owner(request, owner.group(2), owner.group(1).equals("orgs"), owner.group(3) != null);
        }
        Matcher repo = REPO.matcher(path);
        if (repo.matches()) {
            return sample.find(repo.group(1) + "/" + repo.group(2))
                    .map(state -> ApiResponse.json(200, GithubJson.bytes(Resources.repository(sample, state))))
                    .orElseGet(() -> error(404, "Not Found", "https://docs.github.com/rest/repos/repos#get-a-repository"));
        }
        return error(404, "Not Found", REST_DOCS);
    }

    /**
     * A listing page about to be sent: past the end it becomes GitHub's 422 when the sample asks
     * for that, and the churn gets its turn to change the repository before the next request.
     */
    private ApiResponse listed(RepositoryState repo, ApiRequest request, ApiResponse page) {
        if (page.status() != 200) {
            return page;
        }
        boolean pastTheEnd = request.param("page").filter(p -> !p.equals("1")).isPresent()
                && page.body().length == 2;
        sample.churn().pageServed(repo.fullName());
        if (pastTheEnd && sample.pagesPastTheEndAnswer422()) {
            return error(422, PAGINATION_LIMITED, "https://docs.github.com/v3/#pagination");
        }
        return page;
    }

    /** GitHub's 301 for a path under a repository's former name, to {@code /repositories/{id}/...} with the query kept. */
    private Optional<ApiResponse> movedPermanently(ApiRequest request) {
        Matcher under = UNDER_REPO.matcher(request.path());
        if (!under.matches() || sample.find(under.group(1) + "/" + under.group(2)).isPresent()) {
            return Optional.empty();
        }
        return sample.movedFrom(under.group(1) + "/" + under.group(2)).map(repo -> {
            StringBuilder location = new StringBuilder(request.origin()).append(pathPrefix).append("/repositories/")
                    .append(repo.id()).append(under.group(3) == null ? "" : under.group(3));
            String query = String.join("&", request.query().stream().map(ApiRequest.QueryParam::raw).toList());
            if (!query.isEmpty()) {
                location.append('?').append(query);
            }
            return ApiResponse.json(301, GithubJson.moved(location.toString()))
                    .withHeader("location", location.toString());
        });
    }

    /** {@code /orgs/{org}}, {@code /users/{user}} and their {@code /repos}; an owner exists when it has repositories. */
    private ApiResponse owner(ApiRequest request, String login, boolean organization, boolean repos) {
        if (sample.ownedBy(login).isEmpty()) {
            return error(404, "Not Found", organization ? "https://docs.github.com/rest/orgs/orgs#get-an-organization"
                    : "https://docs.github.com/rest/users/users#get-a-user");
        }
        if (repos) {
            return ActivityListings.ownerRepositories(sample, login, organization, request, request.origin() + pathPrefix);
        }
        return ApiResponse.json(200, GithubJson.bytes(Resources.owner(sample, login, organization)));
    }

    private boolean authenticated(ApiRequest request) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty()) {
            return false;
        }
        String[] parts = header.get().trim().split("\\s+", 2);
        if (parts.length != 2) {
            return false;
        }
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        boolean knownScheme = scheme.equals("bearer") || scheme.equals("token");
        return knownScheme && MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.UTF_8),
                sample.token().getBytes(StandardCharsets.UTF_8));
    }

    private static ApiResponse withCommonHeaders(ApiResponse response, RateLimitBudget.Snapshot limit) {
        ApiResponse result = response;
        if (!response.headers().containsKey("content-type") && response.status() != 304) {
            result = result.withHeader("content-type", ApiResponse.JSON);
        }
        for (Map.Entry<String, String> header : limit.headers().entrySet()) {
            // Faults set their own rate-limit numbers; keep those.
            if (!response.headers().containsKey(header.getKey())) {
                result = result.withHeader(header.getKey(), header.getValue());
            }
        }
        return result.withHeader("x-github-api-version-selected", API_VERSION)
                .withHeader("x-github-media-type", "github.v3; format=json")
                .withHeader("x-github-request-id", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
    }

    static ApiResponse error(int status, String message, String docs) {
        return ApiResponse.json(status, GithubJson.error(status, message, docs));
    }

    private static String etag(ApiResponse response) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(response.body());
            return "W/\"" + HexFormat.of().formatHex(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
