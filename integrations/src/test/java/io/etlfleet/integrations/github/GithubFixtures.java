package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.Sleeper;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Settings and connectors for GitHub tests. */
final class GithubFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10)).build();

    private GithubFixtures() {
    }

    static ObjectNode config(String baseUrl, String... repositories) {
        ObjectNode config = JSON.createObjectNode();
        config.put("base_url", baseUrl);
        config.putArray("repositories").addAll(List.of(repositories).stream().map(JSON.getNodeFactory()::stringNode).toList());
        return config;
    }

    static ConnectorSettings settings(ObjectNode config, String token) {
        return new ConnectorSettings("integration-1", config, token == null ? Map.of() : Map.of("token", token));
    }

    /** Retries quickly (10 ms backoff) and waits through the given sleeper. */
    static HttpPolicy fastPolicy(Sleeper sleeper) {
        HttpPolicy policy = HttpPolicy.defaults().withRetries(3, Duration.ofMillis(10)).withSleeper(sleeper)
                .withDefaultRateLimitWait(Duration.ofSeconds(2));
        return sleeper instanceof RecordingSleeper recording ? policy.withClock(recording.clock()) : policy;
    }

    static Connector connector(ObjectNode config, String token, Sleeper sleeper) {
        return connector(config, token, sleeper, ConnectorServices.local());
    }

    /** With budgets and ETags that outlive the connector, as the runtime's do. */
    static Connector connector(ObjectNode config, String token, Sleeper sleeper, ConnectorServices services) {
        return new GithubConnectorFactory(HTTP, fastPolicy(sleeper), services).create(settings(config, token));
    }
}
