package io.etlfleet.integrations.github;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A GitHub response read in full: the URL asked, status, headers, body and when it arrived.
 *
 * @param location where the answer came from: {@code url}, or where GitHub's redirects led, e.g.
 *                 {@code /repositories/{id}/issues} for a renamed repository
 */
record GithubResponse(HttpUrl url, HttpUrl location, int status, Headers headers, byte[] body, Instant fetchedAt) {

    GithubResponse(HttpUrl url, int status, Headers headers, byte[] body, Instant fetchedAt) {
        this(url, url, status, headers, body, fetchedAt);
    }

    /** Whether GitHub answered from another location than the one asked, after a redirect. */
    boolean redirected() {
        return !location.equals(url);
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }

    /** A conditional request's "unchanged since the ETag you sent". */
    boolean notModified() {
        return status == 304;
    }

    /** {@code x-ratelimit-*} headers with lower-case names. */
    Map<String, String> rateLimit() {
        Map<String, String> limits = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ratelimit-")) {
                limits.put(lower, headers.get(name));
            }
        }
        return limits;
    }

    /** Path and query, as stored with extracted records; never credentials. */
    static String endpoint(HttpUrl url) {
        return url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    }
}
