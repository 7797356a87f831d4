package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import tools.jackson.databind.JsonNode;

/**
 * How requests of a {@code rest} integration authenticate, from {@code config.auth} and the
 * secrets in {@code credentials}:
 *
 * <pre>
 * (no config.auth)                                      no authentication
 * {"type":"bearer"}                                     Authorization: Bearer &lt;credentials.token&gt;
 * {"type":"basic"}                                      Authorization: Basic base64(&lt;credentials.username&gt;:&lt;credentials.password&gt;)
 * {"type":"api_key","header":"X-API-Key"[,"prefix":""]} X-API-Key: &lt;prefix&gt;&lt;credentials.api_key&gt;
 * {"type":"api_key","query_param":"api_key"}            ?api_key=&lt;credentials.api_key&gt; on every request
 * </pre>
 *
 * A query-parameter key is added to each request as it is sent and taken out of every URL the
 * connector keeps, logs or stores ({@link #strip}); {@link #redact} masks every secret in text.
 * {@link #toString()} never shows a secret.
 */
record RestAuth(Type type, String token, String username, String password, String apiKey, String header,
        String prefix, String queryParam) {

    enum Type { NONE, BEARER, BASIC, API_KEY }

    static final String MASK = "***";
    private static final Pattern HEADER_SAFE = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z0-9._~\\-\\[\\]]+");

    static RestAuth none() {
        return new RestAuth(Type.NONE, null, null, null, null, null, null, null);
    }

    /** @throws InvalidConfigException naming {@code config.auth.*} or {@code credentials.*} */
    static RestAuth from(JsonNode auth, ConnectorSettings settings) {
        if (auth == null || auth.isNull()) {
            return none();
        }
        if (!auth.isObject()) {
            throw new InvalidConfigException("config.auth", "must be an object such as {\"type\":\"bearer\"}");
        }
        String type = auth.path("type").isString() ? auth.path("type").asString() : "";
        switch (type) {
            case "bearer" -> {
                ConfigFields.onlyOptions(auth, "config.auth", "bearer authentication", Set.of("type"));
                return new RestAuth(Type.BEARER, secret(settings, "token", TOKEN, "printable ASCII without spaces"),
                        null, null, null, null, null, null);
            }
            case "basic" -> {
                ConfigFields.onlyOptions(auth, "config.auth", "basic authentication", Set.of("type"));
                String username = secret(settings, "username", HEADER_SAFE, "printable ASCII");
                if (username.contains(":")) {
                    throw new InvalidConfigException("credentials.username", "must not contain ':'");
                }
                String password = settings.credential("password");
                if (password == null) {
                    throw new InvalidConfigException("credentials.password", "is required");
                }
                return new RestAuth(Type.BASIC, null, username, password, null, null, null, null);
            }
            case "api_key" -> {
                ConfigFields.onlyOptions(auth, "config.auth", "api_key authentication",
                        Set.of("type", "header", "prefix", "query_param"));
                return apiKey(auth, settings);
            }
            default -> throw new InvalidConfigException("config.auth.type", "must be one of bearer, basic, api_key");
        }
    }

    private static RestAuth apiKey(JsonNode auth, ConnectorSettings settings) {
        String header = ConfigFields.optionalText(auth, "header", "config.auth.header");
        String queryParam = ConfigFields.optionalText(auth, "query_param", "config.auth.query_param");
        if ((header == null) == (queryParam == null)) {
            throw new InvalidConfigException("config.auth.header",
                    "give either config.auth.header or config.auth.query_param for an api_key");
        }
        if (header != null && !HEADER_NAME.matcher(header).matches()) {
            throw new InvalidConfigException("config.auth.header", "must be an HTTP header name");
        }
        if (queryParam != null && !QUERY_NAME.matcher(queryParam).matches()) {
            throw new InvalidConfigException("config.auth.query_param",
                    "must be a query parameter name (letters, digits, . _ ~ - [ ])");
        }
        String prefix = ConfigFields.optionalText(auth, "prefix", "config.auth.prefix");
        if (prefix != null && (queryParam != null || !prefix.isEmpty() && !HEADER_SAFE.matcher(prefix).matches())) {
            throw new InvalidConfigException("config.auth.prefix", queryParam != null
                    ? "only goes with config.auth.header" : "must be printable ASCII");
        }
        String key = secret(settings, "api_key", header != null ? HEADER_SAFE : TOKEN,
                header != null ? "printable ASCII" : "printable ASCII without spaces");
        return new RestAuth(Type.API_KEY, null, null, null, key, header, prefix == null ? "" : prefix, queryParam);
    }

    private static String secret(ConnectorSettings settings, String name, Pattern allowed, String rule) {
        String value = settings.credential(name);
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException("credentials." + name, "is required");
        }
        if (!allowed.matcher(value).matches()) {
            throw new InvalidConfigException("credentials." + name, "must be " + rule);
        }
        return value;
    }

    /** Adds the credentials' headers, if they travel in headers, to a request. */
    void addHeaders(Request.Builder request) {
        switch (type) {
            case BEARER -> request.header("Authorization", "Bearer " + token);
            case BASIC -> request.header("Authorization", "Basic " + basic());
            case API_KEY -> {
                if (header != null) {
                    request.header(header, prefix + apiKey);
                }
            }
            case NONE -> {
            }
        }
    }

    /** {@code url} as sent: with the query-parameter key, when that is how the key travels. */
    HttpUrl authorize(HttpUrl url) {
        return queryParam == null ? url : url.newBuilder().setQueryParameter(queryParam, apiKey).build();
    }

    /** {@code url} without the query-parameter key: what may be kept, logged and stored. */
    HttpUrl strip(HttpUrl url) {
        return queryParam == null || url.queryParameter(queryParam) == null ? url
                : url.newBuilder().removeAllQueryParameters(queryParam).build();
    }

    /** {@code text} with every secret (and its encodings on the wire) masked. */
    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets()) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    /** What identifies the credential for the shared rate-limit budget (hashed before use). */
    String identity() {
        return switch (type) {
            case NONE -> "none";
            case BEARER -> "bearer " + token;
            case BASIC -> "basic " + username + ":" + password;
            case API_KEY -> "api_key " + apiKey;
        };
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        switch (type) {
            case BEARER -> secrets.add(token);
            case BASIC -> {
                secrets.add(basic());
                secrets.add(password);
                secrets.add(username);
            }
            case API_KEY -> {
                secrets.add(apiKey);
                String encoded = HttpUrl.get("http://h/").newBuilder().addQueryParameter("k", apiKey).build()
                        .encodedQuery().substring(2);
                secrets.add(encoded);
            }
            case NONE -> {
            }
        }
        secrets.removeIf(secret -> secret == null || secret.isEmpty());
        // The longest first, so that a secret containing another is masked whole.
        secrets.sort((a, b) -> b.length() - a.length());
        return secrets;
    }

    private String basic() {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RestAuth[type=" + type + (header != null ? ", header=" + header : "")
                + (queryParam != null ? ", query_param=" + queryParam : "") + "]";
    }
}
