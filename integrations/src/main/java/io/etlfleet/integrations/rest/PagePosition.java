package io.etlfleet.integrations.rest;

import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Where a page of a stream is: the first page, a URL (link_header, next_url), a token (cursor),
 * an offset or a page number. As a checkpoint it is one entry: {@code next_url}, {@code next_token},
 * {@code next_offset} or {@code next_page}.
 *
 * @param kind  {@code url}, {@code token}, {@code offset}, {@code page}; null for the first page of
 *              the styles whose first page is the stream's own URL
 */
record PagePosition(String kind, String value) {

    static final PagePosition FIRST = new PagePosition(null, null);
    private static final String PREFIX = "next_";

    static PagePosition url(HttpUrl url) {
        return new PagePosition("url", url.toString());
    }

    static PagePosition token(String token) {
        return new PagePosition("token", token);
    }

    static PagePosition offset(long offset) {
        return new PagePosition("offset", Long.toString(offset));
    }

    static PagePosition page(long page) {
        return new PagePosition("page", Long.toString(page));
    }

    boolean first() {
        return kind == null;
    }

    long number() {
        return Long.parseLong(value);
    }

    /** The checkpoint entry, e.g. {@code next_offset=100}. */
    String key() {
        return PREFIX + kind;
    }

    /** The position a checkpoint (or stored page facts) names, if any of the keys is there. */
    static PagePosition from(Map<String, String> entries) {
        for (String kind : new String[] {"url", "token", "offset", "page"}) {
            String value = entries.get(PREFIX + kind);
            if (value != null) {
                return new PagePosition(kind, value);
            }
        }
        return null;
    }

    /** How the page is described with its records, e.g. {@code offset=100}; {@code first} for the first. */
    String describe() {
        return first() ? "first" : kind + "=" + value;
    }
}
