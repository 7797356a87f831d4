package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.RateLimitHeaders;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Turns a failed response of a REST API into the right {@link ConnectorException}:
 * <ul>
 *   <li>429 or 503 with {@code Retry-After} (seconds or an HTTP date): rate limited until then;</li>
 *   <li>429 or 403 whose rate-limit headers say nothing remains: rate limited until their reset;</li>
 *   <li>429 otherwise: rate limited for {@code HttpPolicy.defaultRateLimitWait};</li>
 *   <li>5xx, 408 and network errors: retriable;</li>
 *   <li>401, 403, 404 and every other 4xx: permanent.</li>
 * </ul>
 * Messages name the status, the endpoint and the start of the body, every secret masked.
 */
final class RestErrorClassifier {

    private final Clock clock;
    private final Duration defaultRateLimitWait;
    private final UnaryOperator<String> redact;

    RestErrorClassifier(Clock clock, Duration defaultRateLimitWait, UnaryOperator<String> redact) {
        this.clock = clock;
        this.defaultRateLimitWait = defaultRateLimitWait;
        this.redact = redact;
    }

    ConnectorException classify(RestResponse response) {
        int status = response.status();
        String snippet = response.snippet();
        String detail = redact.apply(" (" + status + (snippet.isEmpty() ? "" : ": " + snippet) + ") for GET "
                + RestResponse.endpoint(response.url()));
        Instant now = clock.instant();
        if (status == 429 || status == 503) {
            Optional<Instant> retryAt = RateLimitHeaders.retryAfter(response.headers(), now);
            if (retryAt.isPresent()) {
                return new RateLimitedException((status == 429 ? "the API's rate limit" : "the API is unavailable")
                        + ", asked to retry after " + retryAt.get() + detail, retryAt.get());
            }
        }
        if (status == 429 || status == 403) {
            Optional<Instant> reset = RateLimitHeaders.read(response.headers(), now)
                    .filter(report -> report.snapshot().remaining() == 0).map(report -> report.snapshot().resetAt());
            if (reset.isPresent()) {
                return new RateLimitedException("the API's rate limit is spent until " + reset.get() + detail, reset.get());
            }
        }
        if (status == 429) {
            return new RateLimitedException("the API's rate limit" + detail, now.plus(defaultRateLimitWait));
        }
        if (status >= 500 || status == 408) {
            return new RetriableConnectorException("server error" + detail);
        }
        if (status == 401) {
            return new ConnectorException("the API rejected the credentials" + detail);
        }
        if (status == 403) {
            return new ConnectorException("the API refused access" + detail);
        }
        if (status == 404) {
            return new ConnectorException("not found" + detail);
        }
        return new ConnectorException("the API rejected the request" + detail);
    }

    RetriableConnectorException network(IOException e, String endpoint) {
        return new RetriableConnectorException(redact.apply("cannot reach the API for GET " + endpoint + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())), e);
    }
}
