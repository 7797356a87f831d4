package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jira REST calls for one integration: the deployment's API root below the configured base
 * URL, its authentication, retries of failed requests and waits for rate limits. Requests go
 * only to URLs this client builds, so credentials never leave the configured site.
 */
public final class JiraClient {

    static final String USER_AGENT = "etl-fleet";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final OkHttpClient http;
    private final JiraConfig config;
    private final HttpPolicy policy;
    private final JiraErrorClassifier classifier;
    private final ResilientRequests requests;

    public JiraClient(OkHttpClient http, JiraConfig config, HttpPolicy policy, String integrationId) {
        this.http = http;
        this.config = config;
        this.policy = policy;
        this.classifier = new JiraErrorClassifier(policy.clock(), policy.defaultRateLimitWait());
        this.requests = new ResilientRequests("jira-" + integrationId, policy, config.maxRateLimitWait());
    }

    /** {@code {base}/rest/api/{2|3}} plus path segments (each encoded). */
    HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder url = config.baseUrl().newBuilder().addPathSegments(config.deployment().apiPath());
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    /**
     * GETs {@code url} and parses the JSON body, retrying retriable failures and waiting out rate limits.
     *
     * @throws io.etlfleet.integrations.spi.ConnectorException classified by {@link JiraErrorClassifier}
     */
    Fetched get(HttpUrl url) {
        String endpoint = JiraResponse.endpoint(url);
        return requests.execute("GET " + endpoint, () -> {
            JiraResponse response;
            try {
                response = getOnce(url);
            } catch (IOException e) {
                throw classifier.network(e, endpoint);
            }
            if (!response.successful()) {
                throw classifier.classify(response.status(), response.headers(), response.bodyText(), endpoint);
            }
            try {
                return new Fetched(response, MAPPER.readTree(response.body()));
            } catch (JacksonException e) {
                throw new RetriableConnectorException("Jira sent malformed JSON for GET " + endpoint, e);
            }
        });
    }

    /** One attempt, whatever the status; for connection checks. */
    JiraResponse getOnce(HttpUrl url) throws IOException {
        Request request = new Request.Builder().url(url).get()
                .header("Accept", "application/json")
                .header("Authorization", config.authorization())
                .header("User-Agent", USER_AGENT)
                .build();
        try (Response response = http.newCall(request).execute()) {
            return new JiraResponse(url, response.code(), response.headers(), response.body().bytes(),
                    policy.clock().instant());
        }
    }

    JiraErrorClassifier classifier() {
        return classifier;
    }

    JiraConfig config() {
        return config;
    }

    /** A successful response and its parsed body. */
    record Fetched(JiraResponse response, JsonNode body) {
    }
}
