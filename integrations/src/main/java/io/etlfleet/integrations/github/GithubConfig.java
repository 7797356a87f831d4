package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * A GitHub integration's validated settings.
 *
 * <pre>
 * config.base_url                     API root; default https://api.github.com, or https://host/api/v3
 *                                     for GitHub Enterprise Server (http or https)
 * config.repositories                 non-empty list of "owner/repo"
 * config.overlap_seconds              how far before the stored cursor an incremental run starts
 *                                     reading, so changes at the boundary are never skipped (60)
 * config.max_rate_limit_wait_seconds  longest rate-limit wait the connector sleeps through;
 *                                     longer ones delay the job instead (900)
 * credentials.token                   personal access or installation token
 * </pre>
 *
 * {@link #toString()} never shows the token.
 */
public record GithubConfig(
        HttpUrl baseUrl,
        List<String> repositories,
        String token,
        Duration overlap,
        Duration maxRateLimitWait) {

    public static final String DEFAULT_BASE_URL = "https://api.github.com";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    public GithubConfig {
        repositories = List.copyOf(repositories);
    }

    /** @throws InvalidConfigException naming the first offending field, e.g. {@code config.repositories[1]} */
    public static GithubConfig from(ConnectorSettings settings) {
        JsonNode config = settings.config();
        if (!config.isObject()) {
            throw new InvalidConfigException("config", "must be a JSON object");
        }
        return new GithubConfig(baseUrl(config.get("base_url")), repositories(config.get("repositories")),
                token(settings.credential("token")),
                Duration.ofSeconds(seconds(config, "overlap_seconds", 60)),
                Duration.ofSeconds(seconds(config, "max_rate_limit_wait_seconds", 900)));
    }

    /** The configured repository matching {@code scope}, ignoring case as GitHub does. */
    public String repository(String scope) {
        return repositories.stream().filter(r -> r.equalsIgnoreCase(scope)).findFirst()
                .orElseThrow(() -> new InvalidConfigException("config.repositories",
                        "does not contain the requested repository " + scope));
    }

    private static HttpUrl baseUrl(JsonNode node) {
        if (node == null || node.isNull()) {
            return HttpUrl.get(DEFAULT_BASE_URL);
        }
        String text = node.isString() ? node.asString().trim() : "";
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new InvalidConfigException("config.base_url", "must be an http or https URL");
        }
        if (url.query() != null || url.fragment() != null || url.username().length() > 0) {
            throw new InvalidConfigException("config.base_url", "must not contain a query, fragment or user info");
        }
        String path = url.encodedPath().endsWith("/") ? url.encodedPath().substring(0, url.encodedPath().length() - 1)
                : url.encodedPath();
        return url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
    }

    private static List<String> repositories(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException("config.repositories", "must be a non-empty list of \"owner/repo\"");
        }
        List<String> repositories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "config.repositories[" + i + "]";
            JsonNode item = node.get(i);
            String name = item.isString() ? item.asString().trim() : "";
            if (!REPOSITORY.matcher(name).matches() || name.endsWith("/.") || name.endsWith("/..")) {
                throw new InvalidConfigException(field, "must look like \"owner/repo\"");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidConfigException(field, "lists " + name + " twice");
            }
            repositories.add(name);
        }
        return repositories;
    }

    private static String token(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidConfigException("credentials.token", "is required");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidConfigException("credentials.token", "must be printable ASCII without spaces");
        }
        return token;
    }

    private static long seconds(JsonNode config, String name, long defaultValue) {
        JsonNode node = config.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > 86_400) {
            throw new InvalidConfigException("config." + name, "must be a whole number of seconds from 0 to 86400");
        }
        return node.asLong();
    }

    @Override
    public String toString() {
        return "GithubConfig[baseUrl=" + baseUrl + ", repositories=" + repositories + ", overlap=" + overlap
                + ", maxRateLimitWait=" + maxRateLimitWait + "]";
    }
}
