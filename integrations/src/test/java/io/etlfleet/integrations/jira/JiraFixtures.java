package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.Sleeper;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Settings and connectors for Jira tests, against the sample source or any base URL. */
final class JiraFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10)).build();
    static final String EMAIL = SampleSourceOptions.DEFAULT_JIRA_EMAIL;
    static final String TOKEN = SampleSourceOptions.DEFAULT_TOKEN;

    private JiraFixtures() {
    }

    static ObjectNode config(String baseUrl, String deployment, int pageSize, String... projects) {
        ObjectNode config = JSON.createObjectNode();
        config.put("base_url", baseUrl);
        config.put("deployment", deployment);
        config.putArray("projects").addAll(List.of(projects).stream().map(JSON.getNodeFactory()::stringNode).toList());
        config.put("page_size", pageSize);
        return config;
    }

    static ObjectNode cloud(SampleSource source, int pageSize, String... projects) {
        return config(source.jiraCloudBaseUrl(), "cloud", pageSize, projects);
    }

    static ObjectNode dataCenter(SampleSource source, int pageSize, String... projects) {
        return config(source.jiraDataCenterBaseUrl(), "datacenter", pageSize, projects);
    }

    /** Cloud gets {@code email} and {@code api_token}; Data Center gets {@code token}. */
    static ConnectorSettings settings(ObjectNode config, String secret) {
        Map<String, String> credentials = "cloud".equals(config.path("deployment").asString())
                ? Map.of("email", EMAIL, "api_token", secret) : Map.of("token", secret);
        return new ConnectorSettings("integration-1", config, credentials);
    }

    /** Retries quickly (10 ms backoff); waits go to {@code sleeper}. */
    static Connector connector(ObjectNode config, String secret, Sleeper sleeper) {
        HttpPolicy policy = HttpPolicy.defaults().withRetries(3, Duration.ofMillis(10)).withSleeper(sleeper)
                .withDefaultRateLimitWait(Duration.ofSeconds(2));
        return new JiraConnectorFactory(HTTP, policy).create(settings(config, secret));
    }

    static Connector connector(ObjectNode config) {
        return connector(config, TOKEN, duration -> { });
    }
}
