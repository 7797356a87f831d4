package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.http.GuardedDns;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * What {@code config.url}, and every redirect it leads to, may be: https (plain http only to this
 * machine, where the sample source and tests run), no user info, a host name or a literal address
 * that {@link GuardedDns} accepts. OkHttp connects to a literal address without asking its
 * {@code Dns}, so literals are checked here; names are checked by {@link GuardedDns} when the
 * shared client resolves them. Nothing is looked up.
 */
final class SourceUrl {

    private static final Pattern DOTTED_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|[0-9]+)(\\.(0x[0-9a-f]+|[0-9]+))*\\.?");
    /** Parses literal addresses only: never reached for a name. */
    private static final GuardedDns LITERALS = new GuardedDns(host -> List.of(InetAddress.getByName(host)));

    private SourceUrl() {
    }

    /** @return the URL, or null when the config has none */
    static HttpUrl parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        HttpUrl url = node.isString() ? HttpUrl.parse(node.asString().trim()) : null;
        if (url == null) {
            throw new InvalidConfigException("config.url", "must be an https URL");
        }
        String refusal = refusal(url);
        if (refusal != null) {
            throw new InvalidConfigException("config.url", refusal);
        }
        return url;
    }

    /** Why the connector must not request {@code url}, or null when it may. */
    static String refusal(HttpUrl url) {
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            return "must not carry a user or password";
        }
        String host = url.host();
        boolean literal = host.contains(":") || DOTTED_IPV4.matcher(host).matches();
        if (!literal && NUMERIC_HOST.matcher(host).matches()) {
            return "must name a host by name or as a dotted IPv4 address";
        }
        boolean loopback = host.equals("localhost");
        if (literal) {
            try {
                loopback = LITERALS.lookup(host).get(0).isLoopbackAddress();
            } catch (UnknownHostException refused) {
                return "must not point at a link-local, unspecified or cloud metadata address";
            }
        }
        if (!url.isHttps() && !loopback) {
            return "must be an https URL (plain http is only allowed to localhost)";
        }
        return null;
    }

    /** Scheme, host, port and path: what may be stored and logged (a query can hold a signature). */
    static String withoutQuery(HttpUrl url) {
        return url.newBuilder().query(null).fragment(null).build().toString();
    }

    /** The file name the URL ends in, for {@code _file} and rejection positions; the host when the path has none. */
    static String fileName(HttpUrl url) {
        List<String> segments = url.pathSegments();
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        return last.isEmpty() ? url.host() : last;
    }
}
