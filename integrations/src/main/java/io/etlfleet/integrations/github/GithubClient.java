package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.BaseUrl;
import io.etlfleet.integrations.http.BudgetGate;
import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.EtagStore;
import io.etlfleet.integrations.spi.RateLimitBudgets.BudgetKey;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitHub REST API calls for one integration: the version-pinned headers, the token, retries
 * of failed requests (Resilience4j, through the integration's circuit breaker), the shared
 * rate-limit budget ({@link BudgetGate}) and conditional requests. URLs are built below the
 * configured base URL (keeping a GitHub Enterprise Server prefix such as {@code /api/v3}), and
 * the token is only ever sent to that base URL.
 */
public final class GithubClient {

    private static final Logger log = LoggerFactory.getLogger(GithubClient.class);

    static final String API_VERSION = "2022-11-28";
    static final String MEDIA_TYPE = "application/vnd.github+json";
    static final String USER_AGENT = "etl-fleet";
    /** The budget every REST endpoint the connector calls draws on; a response naming another is recorded under it. */
    static final String CORE = "core";

    private final OkHttpClient http;
    private final GithubConfig config;
    private final HttpPolicy policy;
    private final GithubErrorClassifier classifier;
    private final ResilientRequests requests;
    private final BudgetGate budget;
    private final EtagStore etags;
    private final String integrationId;
    private final AtomicLong sent = new AtomicLong();
    private final Set<String> movesLogged = ConcurrentHashMap.newKeySet();

    public GithubClient(OkHttpClient http, GithubConfig config, HttpPolicy policy, String integrationId,
            ConnectorServices services, CircuitBreaker breaker) {
        this.http = http;
        this.config = config;
        this.policy = policy;
        this.integrationId = integrationId;
        this.classifier = new GithubErrorClassifier(policy.clock(), policy.defaultRateLimitWait());
        this.requests = new ResilientRequests("github-" + integrationId, policy, config.maxRateLimitWait(), breaker);
        this.budget = new BudgetGate(services.budgets(), new BudgetKey(integrationId, BudgetGate.fingerprint(config.token()),
                CORE), "GitHub budget of this token", policy, config.maxRateLimitWait());
        this.etags = services.etags();
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

    /** {@code {base}/orgs/{org}} or {@code {base}/users/{user}} plus more path segments. */
    HttpUrl ownerUrl(GithubConfig.Owner owner, String... segments) {
        HttpUrl.Builder url = config.baseUrl().newBuilder()
                .addPathSegment(owner.organization() ? "orgs" : "users").addPathSegment(owner.name());
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    /** Whether {@code url} lies below the configured base URL (same origin, path under the base path). */
    boolean withinBase(HttpUrl url) {
        return BaseUrl.contains(config.baseUrl(), url);
    }

    /** {@link #get(HttpUrl, String)} without a validator. */
    GithubResponse get(HttpUrl url) {
        return get(url, null);
    }

    /**
     * GETs {@code url}, retrying retriable failures and waiting out short rate limits. Takes one
     * request from the shared budget first and gives it back when the answer is a 304, which
     * GitHub does not count.
     *
     * @param etag sent as {@code If-None-Match} when not null
     * @return a 2xx response, or a 304 when {@code etag} still matches
     * @throws ConnectorException classified by {@link GithubErrorClassifier}; a
     *         {@link RateLimitedException} when the budget stays exhausted longer than
     *         {@code config.max_rate_limit_wait_seconds}
     */
    GithubResponse get(HttpUrl url, String etag) {
        String endpoint = GithubResponse.endpoint(url);
        return requests.execute("GET " + endpoint, () -> {
            budget.acquire(endpoint);
            GithubResponse response;
            try {
                response = getOnce(url, etag);
            } catch (IOException e) {
                throw classifier.network(e, endpoint);
            }
            budget.observe(response.headers());
            if (response.notModified()) {
                budget.refund();
                return response;
            }
            if (!response.successful()) {
                ConnectorException error = classifier.classify(response.status(), response.headers(),
                        new String(response.body(), StandardCharsets.UTF_8), endpoint);
                // The primary limit's remaining 0 was recorded above; a secondary limit blocks the token for everyone.
                if (error instanceof RateLimitedException limited
                        && !"0".equals(trimmed(response.headers().get("x-ratelimit-remaining")))) {
                    budget.block(limited.resetAt());
                }
                throw error;
            }
            return response;
        });
    }

    /** One attempt, whatever the status and without the budget; for connection checks. */
    GithubResponse getOnce(HttpUrl url) throws IOException {
        return getOnce(url, null);
    }

    private GithubResponse getOnce(HttpUrl url, String etag) throws IOException {
        if (!withinBase(url)) {
            throw new IllegalArgumentException("refusing to send the token outside the configured base URL");
        }
        Request.Builder request = new Request.Builder().url(url).get()
                .header("Accept", MEDIA_TYPE)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Authorization", "Bearer " + config.token())
                .header("User-Agent", USER_AGENT);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        sent.incrementAndGet();
        try (Response response = http.newCall(request.build()).execute()) {
            HttpUrl location = response.request().url();
            if (!location.equals(url)) {
                if (!withinBase(location)) {
                    throw new ConnectorException("GitHub redirected GET " + GithubResponse.endpoint(url)
                            + " outside config.base_url; not following it");
                }
                if (movesLogged.add(url.encodedPath())) {
                    log.warn("GitHub answers GET {} from {}: the repository was renamed or transferred; "
                            + "the run follows it, and config.repositories can name the new location",
                            url.encodedPath(), location.encodedPath());
                }
            }
            return new GithubResponse(url, location, response.code(), response.headers(), response.body().bytes(),
                    policy.clock().instant());
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    /** Requests sent so far by this client, retries included. */
    long requestsSent() {
        return sent.get();
    }

    EtagStore etags() {
        return etags;
    }

    String integrationId() {
        return integrationId;
    }

    GithubErrorClassifier classifier() {
        return classifier;
    }

    GithubConfig config() {
        return config;
    }
}
