package io.etlfleet.integrations.spi;

import java.time.Instant;
import java.util.Map;

/**
 * How a page was fetched, kept as extraction metadata with every record of the page.
 *
 * @param endpoint   URL path or query that produced the page (no credentials)
 * @param params     request parameters
 * @param pageCursor the position of this page (page number, token or keyset), as text
 * @param etag       the response's ETag, when the source sent one
 * @param rateLimit  rate-limit headers of the response (name to value)
 * @param fetchedAt  when the response arrived
 */
public record PageRequestInfo(
        String endpoint,
        Map<String, String> params,
        String pageCursor,
        String etag,
        Map<String, String> rateLimit,
        Instant fetchedAt) {

    public PageRequestInfo {
        params = params == null ? Map.of() : Map.copyOf(params);
        rateLimit = rateLimit == null ? Map.of() : Map.copyOf(rateLimit);
    }
}
