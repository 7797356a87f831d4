package io.etlfleet.sample.jira;

import io.etlfleet.sample.http.ApiHandler;
import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake Jira REST API for one deployment. Each request passes injected faults,
 * authentication (Cloud: basic {@code email:api_token}; Data Center: {@code Bearer} personal
 * access token), then routing. Cloud serves {@code /rest/api/3} and answers the removed
 * {@code /rest/api/{2,3}/search} with 410 Gone; Data Center serves {@code /rest/api/2}.
 */
public final class JiraApi implements ApiHandler {

    /** Which Jira this handler imitates. */
    public enum Deployment { CLOUD, DATA_CENTER }

    static final String REMOVED_SEARCH = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
            + "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    private static final Pattern ISSUE = Pattern.compile("/issue/([A-Za-z0-9_-]+)");
    private static final Pattern CHANGELOG = Pattern.compile("/issue/([A-Za-z0-9_-]+)/changelog");
    private static final Pattern PROJECT = Pattern.compile("/project/([A-Za-z0-9_]+)");

    private final JiraSample sample;
    private final Deployment deployment;
    private final Clock clock;
    private final String pathPrefix;
    private final String apiPath;

    /** @param pathPrefix where the API is mounted, e.g. {@code /jira} */
    public JiraApi(JiraSample sample, Deployment deployment, Clock clock, String pathPrefix) {
        this.sample = sample;
        this.deployment = deployment;
        this.clock = clock;
        this.pathPrefix = pathPrefix;
        this.apiPath = deployment == Deployment.CLOUD ? "/rest/api/3" : "/rest/api/2";
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Optional<JiraFaults.Fault> fault = sample.faults().next();
        if (fault.isPresent()) {
            return fault(fault.get());
        }
        if (!authenticated(request)) {
            return error(401, "You are not authenticated. Authentication required to perform this operation.")
                    .withHeader("www-authenticate", deployment == Deployment.CLOUD
                            ? "Basic realm=\"protected-area\"" : "Bearer realm=\"Jira\"");
        }
        if (!request.method().equals("GET")) {
            return error(405, "Method Not Allowed");
        }
        String path = request.path();
        if (deployment == Deployment.CLOUD && (path.equals("/rest/api/3/search") || path.equals("/rest/api/2/search"))) {
            return error(410, REMOVED_SEARCH);
        }
        if (!path.startsWith(apiPath + "/")) {
            return error(404, "null for uri: " + request.origin() + pathPrefix + path);
        }
        return route(request, path.substring(apiPath.length()));
    }

    private ApiResponse route(ApiRequest request, String path) {
        JiraJson json = new JiraJson(request.origin() + pathPrefix + apiPath, deployment == Deployment.CLOUD);
        JiraResources resources = new JiraResources(sample, json);
        try {
            if (path.equals("/search/jql") && deployment == Deployment.CLOUD) {
                return new JiraSearch(sample, json).enhanced(request);
            }
            if (path.equals("/search") && deployment == Deployment.DATA_CENTER) {
                return new JiraSearch(sample, json).offsetPaged(request);
            }
            Matcher changelog = CHANGELOG.matcher(path);
            if (changelog.matches() && deployment == Deployment.CLOUD) {
                return resources.changelog(changelog.group(1), request, request.origin() + pathPrefix + apiPath + path);
            }
            Matcher issue = ISSUE.matcher(path);
            if (issue.matches()) {
                return resources.issue(issue.group(1), request);
            }
            if (path.equals("/project/search") && deployment == Deployment.CLOUD) {
                return resources.projectSearch(request, request.origin() + pathPrefix + apiPath + path);
            }
            if (path.equals("/project") && deployment == Deployment.DATA_CENTER) {
                return resources.allProjects();
            }
            Matcher project = PROJECT.matcher(path);
            if (project.matches()) {
                return resources.project(project.group(1));
            }
            if (path.equals("/status")) {
                return resources.statuses();
            }
            if (path.equals("/myself")) {
                return ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(json.user(sample.myself())));
            }
        } catch (BadRequest e) {
            return error(400, e.getMessage());
        }
        return error(404, "null for uri: " + request.origin() + pathPrefix + apiPath + path);
    }

    private boolean authenticated(ApiRequest request) {
        String header = request.header("authorization").orElse("").trim();
        JiraCredentials credentials = sample.credentials();
        if (deployment == Deployment.DATA_CENTER) {
            return header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && equal(header.substring(7).trim(), credentials.personalAccessToken());
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return equal(decoded, credentials.email() + ":" + credentials.apiToken());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private ApiResponse fault(JiraFaults.Fault fault) {
        if (fault instanceof JiraFaults.RateLimit limit) {
            ApiResponse response = error(429, "Rate limit exceeded.").withHeader("ratelimit-reason", "jira-burst-based");
            if (limit.retryAfter() == null) {
                return response;
            }
            Duration wait = limit.retryAfter();
            return response.withHeader("retry-after", Long.toString(wait.toSeconds()))
                    .withHeader("x-ratelimit-reset", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmX")
                            .withZone(java.time.ZoneOffset.UTC).format(clock.instant().plus(wait)));
        }
        int status = ((JiraFaults.ServerError) fault).status();
        return error(status, status == 503 ? "Service Unavailable" : "Internal server error");
    }

    private static boolean equal(String given, String expected) {
        return expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse error(int status, String... messages) {
        return ApiResponse.json(status, JiraJson.error(messages));
    }

    /** A request parameter Jira would reject; becomes a 400 with Jira's error body. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }
}
