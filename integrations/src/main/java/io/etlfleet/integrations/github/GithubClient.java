package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * GitHub REST API calls for one integration: the version-pinned headers, the token, retries
 * of failed requests and waits for rate limits. URLs are built below the configured base URL
 * (keeping a GitHub Enterprise Server prefix such as {@code /api/v3}), and the token is only
 * ever sent to that base URL.
 */
public final class GithubClient {

    static final String API_VERSION = "2022-11-28";
    static final String MEDIA_TYPE = "application/vnd.github+json";
    static final String USER_AGENT = "etl-fleet";

    private final OkHttpClient http;
    private final GithubConfig config;
    private final HttpPolicy policy;
    private final GithubErrorClassifier classifier;
    private final ResilientRequests requests;

    public GithubClient(OkHttpClient http, GithubConfig config, HttpPolicy policy, String integrationId) {
        this.http = http;
        this.config = config;
        this.policy = policy;
        this.classifier = new GithubErrorClassifier(policy.clock(), policy.defaultRateLimitWait());
        this.requests = new ResilientRequests("github-" + integrationId, policy, config.maxRateLimitWait());
    }

    /** {@code {base}/repos/{owner}/{repo}} plus more path segments. */
    HttpUrl repositoryUrl(String repository, String... segments) {
        String[] ownerAndName = repository.split("/", 2);
        HttpUrl.Builder url = config.baseUrl().newBuilder()
                .addPathSegment("repos").addPathSegment(ownerAndName[0]).addPathSegment(ownerAndName[1]);
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    /** Whether {@code url} lies below the configured base URL (same origin, path under the base path). */
    boolean withinBase(HttpUrl url) {
        HttpUrl base = config.baseUrl();
        String basePath = base.encodedPath().equals("/") ? "" : base.encodedPath();
        return url.scheme().equals(base.scheme())
                && url.host().toLowerCase(Locale.ROOT).equals(base.host().toLowerCase(Locale.ROOT))
                && url.port() == base.port()
                && (url.encodedPath().equals(basePath) || url.encodedPath().startsWith(basePath + "/"));
    }

    /**
     * GETs {@code url}, retrying retriable failures and waiting out rate limits.
     *
     * @return a 2xx response
     * @throws io.etlfleet.integrations.spi.ConnectorException classified by {@link GithubErrorClassifier}
     */
    GithubResponse get(HttpUrl url) {
        String endpoint = GithubResponse.endpoint(url);
        return requests.execute("GET " + endpoint, () -> {
            GithubResponse response;
            try {
                response = getOnce(url);
            } catch (IOException e) {
                throw classifier.network(e, endpoint);
            }
            if (!response.successful()) {
                throw classifier.classify(response.status(), response.headers(),
                        new String(response.body(), StandardCharsets.UTF_8), endpoint);
            }
            return response;
        });
    }

    /** One attempt, whatever the status; for connection checks. */
    GithubResponse getOnce(HttpUrl url) throws IOException {
        if (!withinBase(url)) {
            throw new IllegalArgumentException("refusing to send the token outside the configured base URL");
        }
        Request request = new Request.Builder().url(url).get()
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Authorization", "Bearer " + config.token())
                .header("User-Agent", USER_AGENT)
                .build();
        try (Response response = http.newCall(request).execute()) {
            return new GithubResponse(url, response.code(), response.headers(), response.body().bytes(),
                    policy.clock().instant());
        }
    }

    GithubErrorClassifier classifier() {
        return classifier;
    }

    GithubConfig config() {
        return config;
    }
}
