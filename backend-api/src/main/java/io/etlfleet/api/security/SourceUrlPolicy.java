package io.etlfleet.api.security;

import io.etlfleet.api.errors.ApiException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks the URLs in an integration's config before the fleet calls them, so the API cannot
 * be made to reach the hosting cloud's metadata service or other link-local addresses:
 * http or https only; no link-local (169.254.0.0/16, fe80::/10), unspecified (0.0.0.0, ::)
 * or cloud metadata addresses and names; no numeric host spellings other than dotted IPv4.
 * Loopback is allowed unless {@code ETL_ALLOW_LOOPBACK_SOURCES=false} (the sample source and
 * the tests run on 127.0.0.1). Host names are checked as written; the connectors' HTTP client
 * refuses names that resolve to such addresses when it connects. A JDBC {@code url} gets the same
 * host rules for every host it names (see {@link JdbcUrlHosts}); a URL that names none means localhost.
 */
public class SourceUrlPolicy {

    /** Config fields holding a URL the connectors call. */
    static final Set<String> URL_FIELDS = Set.of("base_url");

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog", "metadata",
            "instance-data", "instance-data.ec2.internal");
    private static final Set<String> METADATA_ADDRESSES = Set.of("169.254.169.254", "100.100.100.200", "fd00:ec2:0:0:0:0:0:254");
    private static final Pattern DOTTED_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|[0-9.]+)(\\.(0x[0-9a-f]+|[0-9]+))*");

    private final boolean allowLoopback;

    public SourceUrlPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Config field holding a JDBC URL. */
    static final String JDBC_URL_FIELD = "url";

    /** @throws ApiException 400 naming {@code config.<field>} for a refused URL */
    public void check(JsonNode config) {
        for (String field : URL_FIELDS) {
            JsonNode value = config.get(field);
            if (value != null && value.isString()) {
                refuseIf("config." + field, refusal(value.asString()));
            }
        }
        JsonNode jdbcUrl = config.get(JDBC_URL_FIELD);
        if (jdbcUrl != null && jdbcUrl.isString()
                && jdbcUrl.asString().trim().toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            refuseIf("config." + JDBC_URL_FIELD, jdbcRefusal(jdbcUrl.asString()));
        }
    }

    private static void refuseIf(String field, String refusal) {
        if (refusal != null) {
            throw ApiException.badRequest(field, refusal);
        }
    }

    /** Why the fleet must not connect to the JDBC {@code url}, or null when it may. */
    public String jdbcRefusal(String url) {
        List<String> hosts;
        try {
            hosts = JdbcUrlHosts.of(url);
        } catch (IllegalArgumentException unreadable) {
            return unreadable.getMessage();
        }
        for (String host : hosts) {
            String refusal = hostRefusal(host);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** Why the fleet must not call {@code url}, or null when it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "must be a valid http or https URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "must name a host";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry a user or password; put credentials in credentials";
        }
        return hostRefusal(host);
    }

    /** Why the fleet must not connect to {@code host} (a name, dotted IPv4 or bracketed IPv6), or null. */
    private String hostRefusal(String host) {
        host = host.trim().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return "must name a host";
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (METADATA_HOSTS.contains(host)) {
            return "must not point at a cloud metadata service";
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return allowLoopback ? null : "must not point at this machine (loopback is not allowed here)";
        }
        boolean ipv6 = host.startsWith("[");
        if (ipv6 && !IPV6_LITERAL.matcher(host).matches()) {
            return "must be a valid IP address";
        }
        if (!ipv6 && !DOTTED_IPV4.matcher(host).matches()) {
            return NUMERIC_HOST.matcher(host).matches() ? "must be a host name or a dotted IPv4 address" : null;
        }
        return addressRefusal(ipv6 ? host.substring(1, host.length() - 1) : host);
    }

    private String addressRefusal(String literal) {
        InetAddress address;
        try {
            // A literal address: parsed, never looked up.
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return "must be a valid IP address";
        }
        if (METADATA_ADDRESSES.contains(address.getHostAddress())) {
            return "must not point at a cloud metadata service";
        }
        if (address.isLinkLocalAddress()) {
            return "must not be a link-local address";
        }
        if (address.isAnyLocalAddress()) {
            return "must not be an unspecified address";
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            return "must not point at this machine (loopback is not allowed here)";
        }
        return null;
    }
}
