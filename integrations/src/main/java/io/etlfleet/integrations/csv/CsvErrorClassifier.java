package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;

/**
 * Turns a failed download into the right {@link ConnectorException}: network errors, 408 and
 * 5xx are retriable; 429 is a rate limit (waiting {@code Retry-After} seconds, or the policy's
 * default wait); every other 4xx is permanent. Messages carry the status and the start of the
 * server's answer, and the URL without its query (which may hold a signature).
 */
final class CsvErrorClassifier {

    static final int MAX_SNIPPET = 200;

    private final Clock clock;
    private final Duration defaultRateLimitWait;

    CsvErrorClassifier(Clock clock, Duration defaultRateLimitWait) {
        this.clock = clock;
        this.defaultRateLimitWait = defaultRateLimitWait;
    }

    /** @param what the request for the message, e.g. {@code GET https://example.com/orders.csv} */
    ConnectorException classify(int status, Headers headers, String body, String what) {
        String snippet = snippet(body);
        String detail = " (" + status + (snippet.isEmpty() ? "" : ": " + snippet) + ") for " + what;
        if (status == 429) {
            String retryAfter = headers.get("Retry-After");
            Instant resetAt = retryAfter != null && retryAfter.trim().matches("\\d{1,6}")
                    ? clock.instant().plusSeconds(Long.parseLong(retryAfter.trim()))
                    : clock.instant().plus(defaultRateLimitWait);
            return new RateLimitedException("the server limits requests" + detail, resetAt);
        }
        if (status >= 500 || status == 408) {
            return new RetriableConnectorException("server error" + detail);
        }
        if (status == 401 || status == 403) {
            return new ConnectorException("the server refuses access to the file" + detail);
        }
        if (status == 404 || status == 410) {
            return new ConnectorException("no file at config.url" + detail);
        }
        return new ConnectorException("the server rejected the request" + detail);
    }

    RetriableConnectorException network(IOException e, String what) {
        return new RetriableConnectorException("cannot reach the server for " + what + ": "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    /** The start of a body on one line: enough to tell an error page from an API's message. */
    static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_SNIPPET ? line.substring(0, MAX_SNIPPET) + "..." : line;
    }
}
