package io.etlfleet.integrations.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A response read in full. URLs are as kept: without a query-parameter API key.
 *
 * @param url      the URL asked
 * @param location where the answer came from after redirects within the base URL's origin
 */
record RestResponse(HttpUrl url, HttpUrl location, int status, Headers headers, byte[] body, Instant fetchedAt) {

    private static final int SNIPPET = 200;

    boolean successful() {
        return status >= 200 && status < 300;
    }

    boolean notModified() {
        return status == 304;
    }

    /** The start of the body, whitespace runs folded, for messages (not yet redacted). */
    String snippet() {
        String text = new String(body, 0, Math.min(body.length, SNIPPET * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").trim();
        return text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
    }

    /** Path and query: what is kept with a page and named in messages. */
    static String endpoint(HttpUrl url) {
        return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    }

    static Map<String, String> params(HttpUrl url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        return params;
    }
}
