package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.Sleeper;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Configs, settings and connectors for the {@code rest} connector's tests. */
final class RestFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10)).build();

    private RestFixtures() {
    }

    /** A config of one stream {@code items} at {@code path}, keyed by {@code id}, with cursor updated_at / updated_since. */
    static ObjectNode config(String baseUrl, String path) {
        ObjectNode config = JSON.createObjectNode();
        config.put("base_url", baseUrl);
        config.putObject("auth").put("type", "bearer");
        ObjectNode stream = config.putArray("streams").addObject();
        stream.put("name", "items");
        stream.put("path", path);
        stream.putArray("primary_key").add("id");
        stream.put("cursor_field", "updated_at");
        stream.put("cursor_param", "updated_since");
        return config;
    }

    static ObjectNode stream(ObjectNode config) {
        return (ObjectNode) config.get("streams").get(0);
    }

    static ConnectorSettings settings(ObjectNode config, Map<String, String> credentials) {
        return new ConnectorSettings("integration-1", config, credentials);
    }

    static ConnectorSettings settings(ObjectNode config, String token) {
        return settings(config, token == null ? Map.of() : Map.of("token", token));
    }

    static Connector connector(ObjectNode config, String token) {
        return connector(settings(config, token), new Waits(), ConnectorServices.local());
    }

    static Connector connector(ConnectorSettings settings, Waits waits, ConnectorServices services) {
        return new RestConnectorFactory(HTTP, policy(waits), services).create(settings);
    }

    /** Retries quickly (1 ms backoff); waits are recorded and skipped, moving the clock on. */
    static HttpPolicy policy(Waits waits) {
        return HttpPolicy.defaults().withRetries(3, Duration.ofMillis(1)).withSleeper(waits)
                .withDefaultRateLimitWait(Duration.ofSeconds(2)).withClock(waits.clock());
    }

    /** A sleeper that records each wait and moves its clock on by it instead of sleeping. */
    static final class Waits implements Sleeper {

        private final List<Duration> waits = new CopyOnWriteArrayList<>();
        private volatile Duration skipped = Duration.ZERO;
        private final Instant start;

        Waits() {
            this(null);
        }

        /** @param start a fixed start of the clock; null for the system clock */
        Waits(Instant start) {
            this.start = start;
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            skipped = skipped.plus(duration);
        }

        List<Duration> waits() {
            return waits;
        }

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return (start == null ? Instant.now() : start).plus(skipped);
                }
            };
        }
    }
}
