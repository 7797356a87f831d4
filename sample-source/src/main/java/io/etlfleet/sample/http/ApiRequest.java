package io.etlfleet.sample.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as an API handler sees it.
 *
 * @param method  HTTP method, upper case
 * @param path    decoded path below the API's path prefix, e.g. {@code /repos/acme/widgets/issues}
 * @param query   query parameters in the order the client sent them, with their raw text kept
 *                so links can echo them back unchanged
 * @param headers request headers, names in lower case
 * @param origin  scheme, host and port the client used, e.g. {@code http://127.0.0.1:8089}
 */
public record ApiRequest(String method, String path, List<QueryParam> query, Map<String, String> headers, String origin) {

    /** A query parameter with its decoded value and the raw text it arrived as. */
    public record QueryParam(String name, String value, String raw) {
    }

    public ApiRequest {
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public Optional<String> param(String name) {
        return query.stream().filter(p -> p.name().equals(name)).map(QueryParam::value).findFirst();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Parses a raw query string ({@code a=1&b=x%3Ay}) keeping the order and the raw pairs. */
    public static List<QueryParam> parseQuery(String rawQuery) {
        List<QueryParam> params = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.add(new QueryParam(name, value, pair));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
