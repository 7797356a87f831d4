package io.etlfleet.integrations.http;

import io.etlfleet.integrations.spi.InvalidConfigException;
import java.util.Locale;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP connector's {@code base_url}: an http or https URL without query, fragment or user
 * info, kept without a trailing slash, below which every request of the integration goes (and
 * so its credentials). The API checks the host ({@code SourceUrlPolicy}); the shared client's
 * {@link GuardedDns} refuses names resolving to link-local or metadata addresses.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    /** @throws InvalidConfigException naming {@code field} when {@code node} is no usable base URL */
    public static HttpUrl parse(JsonNode node, String field) {
        String text = node != null && node.isString() ? node.asString().trim() : "";
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new InvalidConfigException(field, "must be an http or https URL");
        }
        if (url.query() != null || url.fragment() != null || url.username().length() > 0) {
            throw new InvalidConfigException(field, "must not contain a query, fragment or user info");
        }
        String path = url.encodedPath().endsWith("/") ? url.encodedPath().substring(0, url.encodedPath().length() - 1)
                : url.encodedPath();
        return url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
    }

    /** Whether {@code url} lies below {@code base}: same origin, path under the base path. */
    public static boolean contains(HttpUrl base, HttpUrl url) {
        String basePath = base.encodedPath().equals("/") ? "" : base.encodedPath();
        return sameOrigin(base, url)
                && (url.encodedPath().equals(basePath) || url.encodedPath().startsWith(basePath + "/"));
    }

    /** Whether {@code url} has the scheme, host and port of {@code base}. */
    public static boolean sameOrigin(HttpUrl base, HttpUrl url) {
        return url.scheme().equals(base.scheme())
                && url.host().toLowerCase(Locale.ROOT).equals(base.host().toLowerCase(Locale.ROOT))
                && url.port() == base.port();
    }
}
