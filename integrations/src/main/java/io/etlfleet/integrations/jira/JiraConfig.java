package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * A Jira integration's validated settings.
 *
 * <pre>
 * config.base_url                     site root, e.g. https://acme.atlassian.net or https://jira.acme.com/jira
 * config.deployment                   "cloud" or "datacenter"
 * config.projects                     non-empty list of project keys, e.g. ["WID"]
 * config.overlap_seconds              how far before the stored cursor an incremental run starts (60)
 * config.page_size                    issues per search request, 1 to 100 (100)
 * config.max_rate_limit_wait_seconds  longest rate-limit wait slept through; longer ones delay the job (900)
 * credentials.email, .api_token       cloud: the Atlassian account and its API token (HTTP basic)
 * credentials.token                   datacenter: a personal access token (Bearer)
 * </pre>
 *
 * {@link #toString()} never shows credentials.
 */
public record JiraConfig(
        HttpUrl baseUrl,
        JiraDeployment deployment,
        List<String> projects,
        String authorization,
        Duration overlap,
        int pageSize,
        Duration maxRateLimitWait) {

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7E]+");

    public JiraConfig {
        projects = List.copyOf(projects);
    }

    /** @throws InvalidConfigException naming the first offending field, e.g. {@code config.projects[1]} */
    public static JiraConfig from(ConnectorSettings settings) {
        JsonNode config = settings.config();
        if (!config.isObject()) {
            throw new InvalidConfigException("config", "must be a JSON object");
        }
        HttpUrl baseUrl = baseUrl(config.get("base_url"));
        JiraDeployment deployment = deployment(config.get("deployment"));
        return new JiraConfig(baseUrl, deployment, projects(config.get("projects")),
                authorization(deployment, settings),
                Duration.ofSeconds(number(config, "overlap_seconds", 60, 0, 86_400)),
                (int) number(config, "page_size", 100, 1, 100),
                Duration.ofSeconds(number(config, "max_rate_limit_wait_seconds", 900, 0, 86_400)));
    }

    /** The configured project named by {@code scope}. */
    public String project(String scope) {
        return projects.stream().filter(p -> p.equals(scope)).findFirst()
                .orElseThrow(() -> new InvalidConfigException("config.projects",
                        "does not contain the requested project " + scope));
    }

    private static HttpUrl baseUrl(JsonNode node) {
        String text = node != null && node.isString() ? node.asString().trim() : "";
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new InvalidConfigException("config.base_url", "is required: an http or https URL");
        }
        if (url.query() != null || url.fragment() != null || !url.username().isEmpty()) {
            throw new InvalidConfigException("config.base_url", "must not contain a query, fragment or user info");
        }
        String path = url.encodedPath().replaceAll("/+$", "");
        return url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
    }

    private static JiraDeployment deployment(JsonNode node) {
        String value = node != null && node.isString() ? node.asString().trim() : "";
        for (JiraDeployment deployment : JiraDeployment.values()) {
            if (deployment.configName().equals(value)) {
                return deployment;
            }
        }
        throw new InvalidConfigException("config.deployment", "must be \"cloud\" or \"datacenter\"");
    }

    private static List<String> projects(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException("config.projects", "must be a non-empty list of project keys");
        }
        List<String> projects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "config.projects[" + i + "]";
            String key = node.get(i).isString() ? node.get(i).asString().trim() : "";
            if (!PROJECT_KEY.matcher(key).matches()) {
                throw new InvalidConfigException(field, "must be a project key such as \"WID\" (upper-case letters, digits, _)");
            }
            if (!seen.add(key)) {
                throw new InvalidConfigException(field, "lists " + key + " twice");
            }
            projects.add(key);
        }
        return projects;
    }

    private static String authorization(JiraDeployment deployment, ConnectorSettings settings) {
        if (deployment == JiraDeployment.DATA_CENTER) {
            return "Bearer " + secret("credentials.token", settings.credential("token"));
        }
        String email = settings.credential("email");
        if (email == null || !email.trim().matches("[^@\\s:]+@[^@\\s]+")) {
            throw new InvalidConfigException("credentials.email", "is required for cloud: the Atlassian account's email");
        }
        String token = secret("credentials.api_token", settings.credential("api_token"));
        return "Basic " + Base64.getEncoder().encodeToString((email.trim() + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static String secret(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(field, "is required");
        }
        if (!SECRET.matcher(value).matches()) {
            throw new InvalidConfigException(field, "must be printable ASCII without spaces");
        }
        return value;
    }

    private static long number(JsonNode config, String name, long defaultValue, long min, long max) {
        JsonNode node = config.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw new InvalidConfigException("config." + name, "must be a whole number from " + min + " to " + max);
        }
        return node.asLong();
    }

    @Override
    public String toString() {
        return "JiraConfig[baseUrl=" + baseUrl + ", deployment=" + deployment.configName() + ", projects=" + projects
                + ", overlap=" + overlap + ", pageSize=" + pageSize + ", maxRateLimitWait=" + maxRateLimitWait + "]";
    }
}
