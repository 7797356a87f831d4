package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a failed Jira response into the right {@link ConnectorException}, following
 * Atlassian's rate-limiting guide:
 * <ul>
 *   <li>429: wait {@code Retry-After} seconds, else until {@code X-RateLimit-Reset}
 *       ({@code yyyy-MM-ddTHH:mmZ}), else the default wait;</li>
 *   <li>a 5xx with {@code Retry-After} (Jira's "resource limit reached" 503): wait that long;</li>
 *   <li>other 5xx, 408 and network errors: retriable;</li>
 *   <li>401, 403, 404, 400, 410 (an endpoint Atlassian removed) and other 4xx: permanent.</li>
 * </ul>
 * Messages name the endpoint and Jira's {@code errorMessages}, never credentials.
 */
public final class JiraErrorClassifier {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_MESSAGE = 300;

    private final Clock clock;
    private final Duration defaultRateLimitWait;

    public JiraErrorClassifier(Clock clock, Duration defaultRateLimitWait) {
        this.clock = clock;
        this.defaultRateLimitWait = defaultRateLimitWait;
    }

    /** @param endpoint path and query of the request, for the message */
    public ConnectorException classify(int status, Headers headers, String body, String endpoint) {
        String message = jiraMessage(body);
        String detail = " (" + status + (message.isEmpty() ? "" : ": " + message) + ") for GET " + endpoint;
        Instant retryAt = retryAfter(headers.get("retry-after"));
        if (status == 429) {
            Instant resetAt = retryAt != null ? retryAt : reset(headers.get("x-ratelimit-reset"));
            return new RateLimitedException("Jira rate limit" + detail,
                    resetAt != null ? resetAt : clock.instant().plus(defaultRateLimitWait));
        }
        if (status >= 500 && retryAt != null) {
            return new RateLimitedException("Jira is overloaded and asked to retry later" + detail, retryAt);
        }
        if (status >= 500 || status == 408) {
            return new RetriableConnectorException("Jira server error" + detail);
        }
        return switch (status) {
            case 401 -> new ConnectorException("Jira rejected the credentials" + detail);
            case 403 -> new ConnectorException("Jira refused access" + detail);
            case 404 -> new ConnectorException("Jira resource not found or not visible to these credentials" + detail);
            case 410 -> new ConnectorException("Jira no longer offers this endpoint" + detail);
            default -> new ConnectorException("Jira rejected the request" + detail);
        };
    }

    public RetriableConnectorException network(IOException e, String endpoint) {
        return new RetriableConnectorException("cannot reach Jira for GET " + endpoint + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    private Instant retryAfter(String value) {
        return value != null && value.trim().matches("\\d{1,6}") ? clock.instant().plusSeconds(Long.parseLong(value.trim())) : null;
    }

    private static Instant reset(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Jira's {@code errorMessages} and {@code errors} values joined and shortened; empty when there are none. */
    static String jiraMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            List<String> parts = new ArrayList<>();
            node.path("errorMessages").forEach(m -> parts.add(m.asString()));
            node.path("errors").properties().forEach(e -> parts.add(e.getKey() + ": " + e.getValue().asString()));
            if (parts.isEmpty() && node.path("message").isString()) {
                parts.add(node.get("message").asString());
            }
            String message = String.join("; ", parts);
            return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        } catch (JacksonException notJson) {
            return "";
        }
    }
}
