package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.BaseUrl;
import io.etlfleet.integrations.http.BudgetGate;
import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.RateLimitHeaders;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.EtagStore;
import io.etlfleet.integrations.spi.RateLimitBudgets.BudgetKey;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP side of one {@code rest} integration: credentials on every request, sent only to the
 * base URL's origin (scheme, host and port); redirects followed by hand, within that origin only,
 * so that no header or query-parameter key ever reaches another host; retries of failed requests
 * through the integration's circuit breaker ({@link ResilientRequests}); the shared rate-limit
 * budget of the credential at that host ({@link BudgetGate}); conditional requests.
 */
final class RestClient {

    static final String USER_AGENT = "etl-fleet";
    private static final int MAX_REDIRECTS = 5;

    /** The shared client's pool and threads, without its own redirect handling. */
    private final OkHttpClient http;
    private final RestConfig config;
    private final HttpPolicy policy;
    private final RestErrorClassifier classifier;
    private final ResilientRequests requests;
    private final BudgetGate budget;
    private final EtagStore etags;
    private final String integrationId;
    private final AtomicLong sent = new AtomicLong();

    /** @param http a client that does not follow redirects itself */
    RestClient(OkHttpClient http, RestConfig config, HttpPolicy policy, String integrationId, ConnectorServices services,
            CircuitBreaker breaker) {
        this.http = http;
        this.config = config;
        this.policy = policy;
        this.integrationId = integrationId;
        this.classifier = new RestErrorClassifier(policy.clock(), policy.defaultRateLimitWait(), config.auth()::redact);
        this.requests = new ResilientRequests("rest-" + integrationId, policy, config.maxRateLimitWait(), breaker);
        String host = config.host();
        this.budget = new BudgetGate(services.budgets(), new BudgetKey(integrationId,
                BudgetGate.fingerprint(config.baseUrl().scheme() + "://" + host + "\n" + config.auth().identity()), host),
                "budget of this credential at " + host, policy, config.maxRateLimitWait());
        this.etags = services.etags();
    }

    /**
     * GETs {@code url}, retrying retriable failures and waiting out short rate limits; takes one
     * request from the shared budget first.
     *
     * @param url  without a query-parameter key (it is added here)
     * @param etag sent as {@code If-None-Match} when not null
     * @return a 2xx response, or a 304 when {@code etag} still matches
     * @throws ConnectorException classified by {@link RestErrorClassifier}; a
     *         {@link RateLimitedException} when the limit lasts longer than {@code max_rate_limit_wait_seconds}
     */
    RestResponse get(HttpUrl url, String etag) {
        String endpoint = RestResponse.endpoint(url);
        return requests.execute("GET " + endpoint, () -> {
            budget.acquire(endpoint);
            RestResponse response;
            try {
                response = getOnce(url, etag);
            } catch (IOException e) {
                throw classifier.network(e, endpoint);
            }
            budget.observe(response.headers());
            if (response.successful() || response.notModified() && etag != null) {
                return response;
            }
            ConnectorException error = classifier.classify(response);
            // A spent budget was recorded from the headers; a Retry-After holds back every worker on this credential.
            if (error instanceof RateLimitedException limited
                    && !RateLimitHeaders.exhausted(response.headers(), policy.clock().instant())) {
                budget.block(limited.resetAt());
            }
            throw error;
        });
    }

    /**
     * One attempt, whatever the status, without retries or the budget (connection checks).
     *
     * @throws ConnectorException when a redirect leads off the base URL's origin
     */
    RestResponse getOnce(HttpUrl url, String etag) throws IOException {
        HttpUrl current = url;
        for (int hops = 0; ; hops++) {
            if (!BaseUrl.sameOrigin(config.baseUrl(), current)) {
                throw new ConnectorException(config.auth().redact("refusing to send the credentials to "
                        + current.scheme() + "://" + current.host() + ":" + current.port()
                        + ", which is not config.base_url's host"));
            }
            Request.Builder request = new Request.Builder().url(config.auth().authorize(current)).get()
                    .header("Accept", "application/json")
                    .header("User-Agent", USER_AGENT);
            config.auth().addHeaders(request);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            sent.incrementAndGet();
            try (Response response = http.newCall(request.build()).execute()) {
                String location = response.header("Location");
                if (response.isRedirect() && location != null && hops < MAX_REDIRECTS) {
                    HttpUrl next = current.resolve(location);
                    if (next == null || !BaseUrl.sameOrigin(config.baseUrl(), next)) {
                        throw new ConnectorException(config.auth().redact("GET " + RestResponse.endpoint(url)
                                + " was redirected off config.base_url's host" + (next == null ? "" : " to " + next.host())
                                + "; not following it"));
                    }
                    current = config.auth().strip(next);
                    continue;
                }
                return new RestResponse(url, current, response.code(), response.headers(), response.body().bytes(),
                        policy.clock().instant());
            }
        }
    }

    /** Requests sent so far, retries and redirects included. */
    long requestsSent() {
        return sent.get();
    }

    EtagStore etags() {
        return etags;
    }

    String integrationId() {
        return integrationId;
    }

    RestConfig config() {
        return config;
    }

    RestErrorClassifier classifier() {
        return classifier;
    }
}
