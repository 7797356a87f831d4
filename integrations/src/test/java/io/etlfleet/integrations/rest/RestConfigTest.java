package io.etlfleet.integrations.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.node.ObjectNode;

/** Validation names the offending field and never calls the source (the base URL here answers nothing). */
class RestConfigTest {

    private static final String BASE = "https://api.example.com/v2/";

    private static ObjectNode config() {
        return RestFixtures.config(BASE, "/orders");
    }

    private static void assertField(ObjectNode config, Map<String, String> credentials, String field) {
        RestConnectorFactory factory = new RestConnectorFactory(RestFixtures.HTTP, HttpPolicy.defaults(),
                ConnectorServices.local());
        assertThatThrownBy(() -> factory.validate(RestFixtures.settings(config, credentials)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static void assertField(Consumer<ObjectNode> change, String field) {
        ObjectNode config = config();
        change.accept(config);
        assertField(config, Map.of("token", "t0k"), field);
    }

    private static ObjectNode secondStream(ObjectNode config) {
        ObjectNode stream = config.withArray("streams").addObject();
        stream.put("name", "customers");
        stream.put("path", "customers");
        stream.putArray("primary_key").add("/account/id").add("number");
        return stream;
    }

    @Test
    void readsAStreamWithItsDefaults() {
        ObjectNode config = config();
        RestFixtures.stream(config).putObject("pagination").put("type", "page");
        secondStream(config).putObject("pagination").put("type", "offset");

        RestConfig parsed = RestConfig.from(RestFixtures.settings(config, "t0k"));

        assertThat(parsed.baseUrl().toString()).isEqualTo("https://api.example.com/v2");
        assertThat(parsed.maxRateLimitWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(parsed.auth().type()).isEqualTo(RestAuth.Type.BEARER);
        RestStream orders = parsed.streams().get(0);
        assertThat(orders.recordsPath()).isEqualTo(JsonPointer.empty());
        assertThat(orders.primaryKey()).containsExactly(JsonPointer.compile("/id"));
        assertThat(orders.pagination()).isEqualTo(new Pagination.PageNumber(null, "page", "per_page", 1));
        assertThat(orders.firstUrl(parsed.baseUrl(), "2024-01-01T00:00:00Z").toString())
                .isEqualTo("https://api.example.com/v2/orders?updated_since=2024-01-01T00%3A00%3A00Z");
        RestStream customers = parsed.streams().get(1);
        assertThat(customers.primaryKey()).containsExactly(JsonPointer.compile("/account/id"), JsonPointer.compile("/number"));
        assertThat(customers.pagination()).isEqualTo(new Pagination.Offset(null, "offset", "limit"));
        assertThat(customers.firstUrl(parsed.baseUrl(), null).toString()).isEqualTo("https://api.example.com/v2/customers");
        assertThat(new RestConnector(parsed, null).entityTypes()).containsExactly("items", "customers");
    }

    @Test
    void namesTheBaseUrl() {
        assertField(c -> c.put("base_url", "ftp://api.example.com"), "config.base_url");
        assertField(c -> c.put("base_url", "https://api.example.com/?key=1"), "config.base_url");
        assertField(c -> c.remove("base_url"), "config.base_url");
    }

    @Test
    void namesTheStreamsAndTheirFields() {
        assertField(c -> c.remove("streams"), "config.streams");
        assertField(c -> c.putArray("streams"), "config.streams");
        assertField(c -> secondStream(c).put("name", "Customers"), "config.streams[1].name");
        assertField(c -> secondStream(c).put("name", "items"), "config.streams[1].name");
        assertField(c -> secondStream(c).remove("path"), "config.streams[1].path");
        assertField(c -> secondStream(c).put("path", "/customers?active=1"), "config.streams[1].path");
        assertField(c -> secondStream(c).put("path", "https://elsewhere.example/customers"), "config.streams[1].path");
        assertField(c -> secondStream(c).put("path", "/a/../../admin"), "config.streams[1].path");
        assertField(c -> secondStream(c).putArray("primary_key"), "config.streams[1].primary_key");
        assertField(c -> secondStream(c).putArray("primary_key").add("id").add(3), "config.streams[1].primary_key[1]");
        assertField(c -> secondStream(c).put("records_path", 5), "config.streams[1].records_path");
        assertField(c -> secondStream(c).put("cursor_param", "since"), "config.streams[1].cursor_field");
        assertField(c -> secondStream(c).put("primary_keys", "id"), "config.streams[1].primary_keys");
        assertField(c -> secondStream(c).putObject("params").putObject("filter"), "config.streams[1].params.filter");
    }

    @Test
    void namesThePaginationTypeAndItsOptions() {
        assertField(c -> secondStream(c).putObject("pagination").put("type", "pages"), "config.streams[1].pagination.type");
        assertField(c -> secondStream(c).putObject("pagination"), "config.streams[1].pagination.type");
        assertField(c -> secondStream(c).putObject("pagination").put("type", "next_url"),
                "config.streams[1].pagination.next_url_path");
        assertField(c -> secondStream(c).putObject("pagination").put("type", "cursor").put("token_path", "/next"),
                "config.streams[1].pagination.token_param");
        assertField(c -> secondStream(c).putObject("pagination").put("type", "offset").put("limit", 0),
                "config.streams[1].pagination.limit");
        assertField(c -> secondStream(c).putObject("pagination").put("type", "page").put("size", "50"),
                "config.streams[1].pagination.size");
        assertField(c -> secondStream(c).putObject("pagination").put("type", "link_header").put("rel", "next"),
                "config.streams[1].pagination.rel");
        assertField(c -> {
            ObjectNode stream = secondStream(c);
            stream.putObject("pagination").put("type", "page");
            stream.putObject("params").put("page", 2);
        }, "config.streams[1].params.page");
    }

    @Test
    void namesTheMissingOrUnusableCredential() {
        assertField(config(), Map.of(), "credentials.token");
        assertField(config(), Map.of("token", "two words"), "credentials.token");
        ObjectNode basic = config();
        basic.putObject("auth").put("type", "basic");
        assertField(basic, Map.of("password", "pw"), "credentials.username");
        assertField(basic, Map.of("username", "ann"), "credentials.password");
        ObjectNode apiKey = config();
        apiKey.putObject("auth").put("type", "api_key").put("header", "X-API-Key");
        assertField(apiKey, Map.of(), "credentials.api_key");
    }

    @Test
    void namesTheAuthOptions() {
        assertField(c -> c.putObject("auth").put("type", "oauth"), "config.auth.type");
        assertField(c -> c.putObject("auth").put("type", "api_key"), "config.auth.header");
        assertField(c -> c.putObject("auth").put("type", "api_key").put("header", "X API Key"), "config.auth.header");
        assertField(c -> c.putObject("auth").put("type", "bearer").put("token", "in-config"), "config.auth.token");
        ObjectNode config = config();
        config.putObject("auth").put("type", "api_key").put("query_param", "api_key");
        RestFixtures.stream(config).putObject("params").put("api_key", "x");
        assertField(config, Map.of("api_key", "k"), "config.streams[0].params.api_key");
    }

    @Test
    void namesTheRateLimitWait() {
        assertField(c -> c.put("max_rate_limit_wait_seconds", -1), "config.max_rate_limit_wait_seconds");
    }

    @Test
    void neverShowsASecret() {
        ObjectNode config = config();
        config.putObject("auth").put("type", "basic");

        RestConfig parsed = RestConfig.from(RestFixtures.settings(config, Map.of("username", "ann", "password", "s3cret!")));

        assertThat(parsed.toString()).doesNotContain("s3cret!").doesNotContain("ann");
        assertThat(parsed.auth().redact("user ann, password s3cret!")).isEqualTo("user ***, password ***");
    }
}
