package io.etlfleet.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hosts a JDBC URL of the JDBC connector's drivers connects to, read as the drivers read them:
 * <ul>
 * <li>{@code jdbc:postgresql://host1:port,host2/db}; {@code jdbc:postgresql:db} and an empty host mean localhost</li>
 * <li>{@code jdbc:mariadb:} and {@code jdbc:mysql:}, with an optional mode ({@code loadbalance:},
 *     {@code replication:}...): {@code //host:port,[::1]:port/db}, {@code //address=(host=h)(port=p)/db},
 *     {@code //(host=h,port=p)/db}; an empty host means localhost</li>
 * <li>{@code jdbc:oracle:thin:@host:port:sid}, {@code @host:port/service}, {@code @//host:port/service},
 *     {@code @tcps://host:port/service} and {@code @(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=p))...)}</li>
 * </ul>
 * IPv6 hosts come back in brackets. Parameters that name a host (such as {@code ?PGHOST=}) are
 * refused, so the host part is the only place a connection can be sent.
 */
final class JdbcUrlHosts {

    private static final String LOCALHOST = "localhost";
    private static final Pattern MYSQL = Pattern.compile("jdbc:(mysql|mariadb):(?:[a-z-]+:)*//(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql:(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORACLE = Pattern.compile("jdbc:oracle:thin:[^@]*@(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_HOST = Pattern.compile("\\bhost\\s*=\\s*([^()\\s,]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_PARAMETER = Pattern.compile("[?&;]\\s*(pg)?(host(name)?|server(name)?)\\s*=",
            Pattern.CASE_INSENSITIVE);

    private JdbcUrlHosts() {
    }

    /**
     * @return the hosts, never empty
     * @throws IllegalArgumentException with the reason when the URL's hosts cannot be read
     */
    static List<String> of(String url) {
        String trimmed = url.trim();
        Matcher m;
        if ((m = POSTGRES.matcher(trimmed)).matches()) {
            String rest = m.group(1);
            refuseHostParameters(rest);
            return rest.startsWith("//") ? addressList(authority(rest.substring(2))) : List.of(LOCALHOST);
        }
        if ((m = MYSQL.matcher(trimmed)).matches()) {
            refuseHostParameters(m.group(2));
            return addressList(authority(m.group(2)));
        }
        if ((m = ORACLE.matcher(trimmed)).matches()) {
            return oracle(m.group(1).trim());
        }
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("jdbc:oracle:thin:")) {
            throw new IllegalArgumentException("must name its host after @, as jdbc:oracle:thin:@//host:port/service");
        }
        throw new IllegalArgumentException(
                "must be a jdbc:postgresql://, jdbc:mariadb://, jdbc:mysql:// or jdbc:oracle:thin:@ URL");
    }

    private static List<String> oracle(String descriptor) {
        if (descriptor.startsWith("(")) {
            List<String> hosts = new ArrayList<>();
            Matcher host = KEY_HOST.matcher(descriptor);
            while (host.find()) {
                hosts.add(host.group(1).isEmpty() ? LOCALHOST : host.group(1));
            }
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("must name a HOST in its connect descriptor");
            }
            return hosts;
        }
        String address = descriptor.replaceFirst("(?i)^tcps?://", "").replaceFirst("^//", "");
        refuseHostParameters(address);
        return addressList(authority(address));
    }

    /** The part before the path or parameters; parenthesised groups are kept whole. */
    private static String authority(String rest) {
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && (c == '/' || c == '?' || c == ';')) {
                return rest.substring(0, i);
            }
        }
        return rest;
    }

    private static List<String> addressList(String authority) {
        if (authority.contains("@")) {
            throw new IllegalArgumentException("must not carry a user or password; put credentials in credentials");
        }
        List<String> hosts = new ArrayList<>();
        for (String entry : splitTopLevel(authority)) {
            hosts.add(host(entry.trim()));
        }
        return hosts.isEmpty() ? List.of(LOCALHOST) : hosts;
    }

    private static String host(String entry) {
        if (entry.contains("(")) {
            Matcher host = KEY_HOST.matcher(entry);
            String found = host.find() ? host.group(1) : "";
            return found.isEmpty() ? LOCALHOST : found;
        }
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("must close the brackets of an IPv6 address");
            }
            return entry.substring(0, end + 1);
        }
        int colon = entry.indexOf(':');
        String host = colon >= 0 ? entry.substring(0, colon) : entry;
        return host.isEmpty() ? LOCALHOST : host;
    }

    private static List<String> splitTopLevel(String authority) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < authority.length(); i++) {
            char c = authority.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(authority.substring(start, i));
                start = i + 1;
            }
        }
        if (start < authority.length()) {
            parts.add(authority.substring(start));
        }
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private static void refuseHostParameters(String rest) {
        int parameters = indexOfParameters(rest);
        if (parameters >= 0 && HOST_PARAMETER.matcher(rest.substring(parameters)).find()) {
            throw new IllegalArgumentException("must name its host before the path, not in a parameter");
        }
    }

    private static int indexOfParameters(String rest) {
        int question = rest.indexOf('?');
        int semicolon = rest.indexOf(';');
        if (question < 0) {
            return semicolon;
        }
        return semicolon < 0 ? question : Math.min(question, semicolon);
    }
}
