package io.etlfleet.integrations.http;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses RFC 8288 {@code Link} headers as GitHub and most paged REST APIs send them
 * ({@code <url>; rel="next", <url>; rel="last"}), tolerating any order of links, extra
 * whitespace, unquoted or multi-valued {@code rel}s, extra parameters and several headers.
 */
public final class LinkHeader {

    private final Map<String, String> byRel;

    private LinkHeader(Map<String, String> byRel) {
        this.byRel = byRel;
    }

    public static LinkHeader parse(List<String> headerValues) {
        Map<String, String> byRel = new HashMap<>();
        for (String value : headerValues) {
            parseInto(value, byRel);
        }
        return new LinkHeader(byRel);
    }

    /** The link target of {@code rel} (case-insensitive) as written, relative or absolute. */
    public Optional<String> url(String rel) {
        return Optional.ofNullable(byRel.get(rel.toLowerCase(Locale.ROOT)));
    }

    private static void parseInto(String value, Map<String, String> byRel) {
        int i = 0;
        while (true) {
            int open = value.indexOf('<', i);
            if (open < 0) {
                return;
            }
            int close = value.indexOf('>', open);
            if (close < 0) {
                return;
            }
            String url = value.substring(open + 1, close).trim();
            int end = nextLinkStart(value, close + 1);
            // The parameters run up to the comma that separates this link from the next one.
            String params = value.substring(close + 1, end).trim().replaceAll(",+$", "");
            for (String param : params.split(";")) {
                int eq = param.indexOf('=');
                if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("rel")) {
                    String rels = param.substring(eq + 1).trim().replace("\"", "");
                    for (String rel : rels.split("\\s+")) {
                        byRel.putIfAbsent(rel.toLowerCase(Locale.ROOT), url);
                    }
                }
            }
            i = end;
        }
    }

    /** The next {@code <} that starts a link, skipping any inside quoted parameter values. */
    private static int nextLinkStart(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                return i;
            }
        }
        return value.length();
    }
}
