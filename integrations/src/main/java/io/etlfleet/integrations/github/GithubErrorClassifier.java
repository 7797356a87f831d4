package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a failed GitHub response into the right {@link ConnectorException}, following GitHub's
 * "Rate limits for the REST API" rules:
 * <ul>
 *   <li>{@code Retry-After} on a 403 or 429: secondary limit, wait that many seconds;</li>
 *   <li>{@code x-ratelimit-remaining: 0} on a 403 or 429: primary limit, wait until {@code x-ratelimit-reset};</li>
 *   <li>429, or a 403 whose message names a rate limit, without either header: wait the default (a minute);</li>
 *   <li>5xx, 408 and network errors: retriable;</li>
 *   <li>401 (bad credentials), any other 403, 404, 410, 422 and other 4xx: permanent; a 422 about
 *       pagination is a {@link PaginationLimitedException} for the listing to handle.</li>
 * </ul>
 * Messages name the endpoint and GitHub's message, never the token.
 */
public final class GithubErrorClassifier {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_MESSAGE = 200;

    private final Clock clock;
    private final Duration defaultRateLimitWait;

    public GithubErrorClassifier(Clock clock, Duration defaultRateLimitWait) {
        this.clock = clock;
        this.defaultRateLimitWait = defaultRateLimitWait;
    }

    /** @param endpoint path and query of the request, for the message */
    public ConnectorException classify(int status, Headers headers, String body, String endpoint) {
        String message = githubMessage(body);
        String detail = " (" + status + (message.isEmpty() ? "" : ": " + message) + ") for GET " + endpoint;
        if (status == 403 || status == 429) {
            String retryAfter = headers.get("retry-after");
            if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
                Instant resetAt = clock.instant().plusSeconds(Long.parseLong(retryAfter.trim()));
                return new RateLimitedException("GitHub secondary rate limit" + detail, resetAt);
            }
            String remaining = headers.get("x-ratelimit-remaining");
            String reset = headers.get("x-ratelimit-reset");
            if ("0".equals(remaining != null ? remaining.trim() : null) && reset != null && reset.trim().matches("\\d+")) {
                Instant resetAt = Instant.ofEpochSecond(Long.parseLong(reset.trim()));
                return new RateLimitedException("GitHub primary rate limit exhausted" + detail, resetAt);
            }
            if (status == 429 || message.toLowerCase(Locale.ROOT).contains("rate limit")) {
                return new RateLimitedException("GitHub rate limit" + detail, clock.instant().plus(defaultRateLimitWait));
            }
            return new ConnectorException("GitHub refused access" + detail);
        }
        if (status == 401) {
            return new ConnectorException("GitHub rejected the token: bad credentials" + detail);
        }
        if (status == 404) {
            return new ConnectorException("GitHub resource not found or the token lacks access" + detail);
        }
        if (status == 409 && message.toLowerCase(Locale.ROOT).contains("empty")) {
            return new EmptyRepositoryException("GitHub repository is empty" + detail);
        }
        if (status == 422 && message.toLowerCase(Locale.ROOT).contains("pagination")) {
            return new PaginationLimitedException("GitHub refuses this page" + detail);
        }
        if (status >= 500 || status == 408) {
            return new RetriableConnectorException("GitHub server error" + detail);
        }
        return new ConnectorException("GitHub rejected the request" + detail);
    }

    /** GitHub's 409 "Git Repository is empty." for the commits of a repository without any. Permanent. */
    public static final class EmptyRepositoryException extends ConnectorException {

        private static final long serialVersionUID = 1L;

        EmptyRepositoryException(String message) {
            super(message);
        }
    }

    /**
     * GitHub's 422 "pagination is limited for this resource" (or "... not supported for large
     * datasets"): a page number past what the listing serves, which is also what some servers
     * answer for a page past the end. Permanent.
     */
    public static final class PaginationLimitedException extends ConnectorException {

        private static final long serialVersionUID = 1L;

        PaginationLimitedException(String message) {
            super(message);
        }
    }

    public RetriableConnectorException network(IOException e, String endpoint) {
        return new RetriableConnectorException("cannot reach GitHub for GET " + endpoint + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    /** The {@code message} of GitHub's JSON error body, shortened; empty when there is none. */
    static String githubMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            JsonNode field = node.get("message");
            String message = field != null && field.isString() ? field.asString() : "";
            return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        } catch (JacksonException notJson) {
            return "";
        }
    }
}
