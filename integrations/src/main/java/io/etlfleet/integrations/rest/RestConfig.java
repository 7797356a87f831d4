package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.BaseUrl;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * A {@code rest} integration's validated settings; the fields are listed on
 * {@link RestConnectorFactory}. Errors name the field, e.g. {@code config.streams[1].pagination.type}.
 * {@link #toString()} never shows a secret.
 */
record RestConfig(HttpUrl baseUrl, List<RestStream> streams, RestAuth auth, Duration maxRateLimitWait) {

    static final int MAX_STREAMS = 100;
    static final long DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS = 60;

    RestConfig {
        streams = List.copyOf(streams);
    }

    /** @throws InvalidConfigException naming the first offending field */
    static RestConfig from(ConnectorSettings settings) {
        JsonNode config = settings.config();
        if (!config.isObject()) {
            throw new InvalidConfigException("config", "must be a JSON object");
        }
        HttpUrl baseUrl = BaseUrl.parse(config.get("base_url"), "config.base_url");
        RestAuth auth = RestAuth.from(config.get("auth"), settings);
        JsonNode nodes = config.get("streams");
        if (nodes == null || !nodes.isArray() || nodes.isEmpty()) {
            throw new InvalidConfigException("config.streams", "must be a non-empty list of streams");
        }
        if (nodes.size() > MAX_STREAMS) {
            throw new InvalidConfigException("config.streams", "may list at most " + MAX_STREAMS + " streams");
        }
        Set<String> reserved = auth.queryParam() == null ? Set.of() : Set.of(auth.queryParam());
        List<RestStream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            RestStream stream = RestStream.from(nodes.get(i), "config.streams[" + i + "]", reserved);
            if (!names.add(stream.name())) {
                throw new InvalidConfigException("config.streams[" + i + "].name", "names " + stream.name() + " twice");
            }
            streams.add(stream);
        }
        long wait = ConfigFields.optionalInt(config, "max_rate_limit_wait_seconds", "config.max_rate_limit_wait_seconds",
                0, 86_400, (int) DEFAULT_MAX_RATE_LIMIT_WAIT_SECONDS);
        return new RestConfig(baseUrl, streams, auth, Duration.ofSeconds(wait));
    }

    Optional<RestStream> stream(String name) {
        return streams.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The base URL's host, with its port when not the scheme's default: the shared budget's resource. */
    String host() {
        return baseUrl.host() + (baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme()) ? "" : ":" + baseUrl.port());
    }
}
