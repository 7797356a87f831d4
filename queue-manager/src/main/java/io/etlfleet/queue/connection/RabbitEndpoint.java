package io.etlfleet.queue.connection;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where and as whom to connect, parsed from an AMQP URI such as
 * {@code amqp://user:pass@host:5672} or {@code amqp://user:pass@host:5672/myvhost}.
 *
 * <p>The vhost is the URL-decoded path without its leading slash; an absent path, {@code /}
 * and {@code /%2F} all mean the default vhost {@code /}. User and password are URL-decoded
 * and default to {@code guest}; the port defaults to 5672 ({@code amqp}) or 5671 ({@code amqps}).
 *
 * @param tls true for {@code amqps}
 */
public record RabbitEndpoint(String host, int port, String username, String password, String virtualHost, boolean tls) {

    public static final String DEFAULT_VHOST = "/";

    public RabbitEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(virtualHost, "virtualHost");
    }

    /** Parses an AMQP URI; a malformed one fails with {@link IllegalArgumentException} naming the problem. */
    public static RabbitEndpoint parse(String amqpUri) {
        Objects.requireNonNull(amqpUri, "amqpUri");
        URI uri;
        try {
            uri = new URI(amqpUri.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a valid AMQP URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean tls = switch (scheme) {
            case "amqp" -> false;
            case "amqps" -> true;
            default -> throw new IllegalArgumentException("AMQP URI must start with amqp:// or amqps://");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("AMQP URI has no host");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 5671 : 5672;
        String username = "guest";
        String password = "guest";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        return new RabbitEndpoint(uri.getHost(), port, username, password, virtualHost(uri.getRawPath()), tls);
    }

    /** The endpoint without its password, for logs and connection names. */
    @Override
    public String toString() {
        return (tls ? "amqps" : "amqp") + "://" + username + "@" + host + ":" + port + " vhost " + virtualHost;
    }

    private static String virtualHost(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return DEFAULT_VHOST;
        }
        String vhost = decode(rawPath.substring(1));
        return vhost.isEmpty() ? DEFAULT_VHOST : vhost;
    }

    // URLDecoder implements form decoding, where '+' means space; in a URI it is a literal plus.
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
