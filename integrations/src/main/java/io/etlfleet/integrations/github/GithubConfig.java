package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.BaseUrl;
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
 * config.repositories                 non-empty list of "owner/repo"; or instead
 * config.organization                 every repository of this organization (GET /orgs/{org}/repos), or
 * config.user                         every repository this user owns (GET /users/{user}/repos)
 * config.overlap_seconds              how far before the stored cursor an incremental run starts
 *                                     reading, so changes at the boundary are never skipped (60)
 * config.max_rate_limit_wait_seconds  longest rate-limit wait the connector sleeps through inside
 *                                     the worker; longer ones delay the job instead (5)
 * credentials.token                   personal access or installation token
 * </pre>
 *
 * {@link #toString()} never shows the token.
 */
public record GithubConfig(
        HttpUrl baseUrl,
        List<String> repositories,
        Owner owner,
        String token,
        Duration overlap,
        Duration maxRateLimitWait) {

    public static final String DEFAULT_BASE_URL = "https://api.github.com";
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
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
        Owner owner = owner(config);
        List<String> repositories = owner == null ? repositories(config.get("repositories")) : List.of();
        return new GithubConfig(baseUrl(config.get("base_url")), repositories, owner,
                token(settings.credential("token")),
                Duration.ofSeconds(seconds(config, "overlap_seconds", 60)),
                Duration.ofSeconds(seconds(config, "max_rate_limit_wait_seconds", 5)));
    }

    /**
     * Whose repositories to read when the config names an owner instead of a list.
     *
     * @param organization true for {@code /orgs/{name}/repos}, false for {@code /users/{name}/repos}
     */
    public record Owner(String name, boolean organization) {

        /** The config field that named the owner, for messages. */
        public String field() {
            return organization ? "config.organization" : "config.user";
        }
    }

    /** Whether the repositories come from an organization or user rather than a configured list. */
    public boolean listsOwnerRepositories() {
        return owner != null;
    }

    /** The repository matching {@code scope}: a configured one (ignoring case as GitHub does), or any below the owner. */
    public String repository(String scope) {
        if (owner != null) {
            String[] parts = scope == null ? new String[0] : scope.split("/", 2);
            if (parts.length != 2 || !parts[0].equalsIgnoreCase(owner.name()) || !REPOSITORY.matcher(scope).matches()) {
                throw new InvalidConfigException(owner.field(), "does not own the requested repository " + scope);
            }
            return scope;
        }
        return repositories.stream().filter(r -> r.equalsIgnoreCase(scope)).findFirst()
                .orElseThrow(() -> new InvalidConfigException("config.repositories",
                        "does not contain the requested repository " + scope));
    }

    private static Owner owner(JsonNode config) {
        JsonNode organization = config.get("organization");
        JsonNode user = config.get("user");
        boolean hasOrganization = organization != null && !organization.isNull();
        boolean hasUser = user != null && !user.isNull();
        if (!hasOrganization && !hasUser) {
            return null;
        }
        String field = hasOrganization ? "config.organization" : "config.user";
        if (hasOrganization && hasUser) {
            throw new InvalidConfigException("config.user", "give either config.organization or config.user, not both");
        }
        JsonNode repositories = config.get("repositories");
        if (repositories != null && !repositories.isNull()) {
            throw new InvalidConfigException("config.repositories", "give either a repository list or " + field + ", not both");
        }
        JsonNode node = hasOrganization ? organization : user;
        String name = node.isString() ? node.asString().trim() : "";
        if (!OWNER.matcher(name).matches()) {
            throw new InvalidConfigException(field, "must be a GitHub login (letters, digits and hyphens)");
        }
        return new Owner(name, hasOrganization);
    }

    private static HttpUrl baseUrl(JsonNode node) {
        return node == null || node.isNull() ? HttpUrl.get(DEFAULT_BASE_URL) : BaseUrl.parse(node, "config.base_url");
    }

    private static List<String> repositories(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException("config.repositories",
                    "must be a non-empty list of \"owner/repo\" (or give config.organization or config.user)");
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
        return "GithubConfig[baseUrl=" + baseUrl + ", repositories=" + repositories + ", owner=" + owner
                + ", overlap=" + overlap
                + ", maxRateLimitWait=" + maxRateLimitWait + "]";
    }
}
