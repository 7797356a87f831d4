package io.etlfleet.integrations.jira;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** A Jira response read in full: the URL asked, status, headers, body and when it arrived. */
record JiraResponse(HttpUrl url, int status, Headers headers, byte[] body, Instant fetchedAt) {

    boolean successful() {
        return status >= 200 && status < 300;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Jira's rate-limit headers ({@code x-ratelimit-*}, {@code ratelimit-reason}, {@code retry-after}), lower-cased. */
    Map<String, String> rateLimit() {
        Map<String, String> limits = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ratelimit-") || lower.equals("ratelimit-reason") || lower.equals("retry-after")) {
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
