package io.etlfleet.integrations.rest;

import static io.etlfleet.integrations.rest.RestWire.extract;
import static io.etlfleet.integrations.rest.RestWire.json;
import static io.etlfleet.integrations.rest.RestWire.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.Page;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Each kind of credential reaches the API as configured and never shows in what is kept or said. */
class RestAuthWireTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ObjectNode config(ObjectNode auth) {
        ObjectNode config = RestFixtures.config(server.url("/api").toString(), "/items");
        config.set("auth", auth);
        RestFixtures.stream(config).putObject("pagination").put("type", "link_header");
        return config;
    }

    private ObjectNode auth(String type) {
        return RestFixtures.JSON.createObjectNode().put("type", type);
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void sendsABearerToken() throws Exception {
        server.enqueue(json("[{\"id\":1}]"));

        RecordingSink sink = extract(RestFixtures.settings(config(auth("bearer")), "tok-123"));

        RecordedRequest request = taken();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/items");
        assertThat(sink.externalIds()).containsExactly("1");
    }

    @Test
    void sendsBasicCredentials() throws Exception {
        server.enqueue(json("[]"));

        extract(RestFixtures.settings(config(auth("basic")), Map.of("username", "ann", "password", "s3cret")));

        assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Basic YW5uOnMzY3JldA==");
    }

    @Test
    void sendsAnApiKeyInTheConfiguredHeaderWithItsPrefix() throws Exception {
        server.enqueue(json("[]"));
        server.enqueue(json("[]"));

        extract(RestFixtures.settings(config(auth("api_key").put("header", "X-API-Key")), Map.of("api_key", "k3y-abc")));
        extract(RestFixtures.settings(config(auth("api_key").put("header", "Authorization").put("prefix", "Token ")),
                Map.of("api_key", "k3y-abc")));

        RecordedRequest plain = taken();
        assertThat(plain.getHeaders().get("X-API-Key")).isEqualTo("k3y-abc");
        assertThat(plain.getHeaders().get("Authorization")).isNull();
        assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Token k3y-abc");
    }

    @Test
    void sendsAQueryParameterKeyOnEveryRequestButKeepsItOutOfPagesAndCheckpoints() throws Exception {
        // The API echoes the key into its next link, as many do.
        String next = server.url("/api/items?api_key=k3y%2Fabc&page=2").toString();
        server.enqueue(json("[{\"id\":1}]").newBuilder().addHeader("Link", "<" + next + ">; rel=\"next\"").build());
        server.enqueue(json("[{\"id\":2}]"));
        ConnectorSettings settings = RestFixtures.settings(config(auth("api_key").put("query_param", "api_key")),
                Map.of("api_key", "k3y/abc"));

        RecordingSink sink = extract(settings);

        assertThat(taken().getUrl().queryParameter("api_key")).isEqualTo("k3y/abc");
        RecordedRequest second = taken();
        assertThat(second.getUrl().queryParameter("api_key")).isEqualTo("k3y/abc");
        assertThat(second.getUrl().queryParameterValues("api_key")).hasSize(1);
        assertThat(second.getUrl().queryParameter("page")).isEqualTo("2");
        assertThat(sink.externalIds()).containsExactly("1", "2");
        for (Page page : sink.pages()) {
            assertThat(page.request().toString()).doesNotContain("k3y");
            assertThat(page.checkpoint().toString()).doesNotContain("k3y");
        }
        assertThat(sink.pages().get(0).checkpoint().get("next_url")).endsWith("/api/items?page=2");
    }

    @Test
    void masksEverySecretAnErrorBodyEchoes() {
        server.enqueue(status(401, "{\"error\":\"token tok-123 is invalid\"}"));
        server.enqueue(status(403, "user ann with password s3cret may not read this"));
        server.enqueue(status(404, "no /api/items?api_key=k3y-abc here"));

        assertThatThrownBy(() -> extract(RestFixtures.settings(config(auth("bearer")), "tok-123")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("401", "token *** is invalid").doesNotContain("tok-123"));
        assertThatThrownBy(() -> extract(RestFixtures.settings(config(auth("basic")),
                Map.of("username", "ann", "password", "s3cret"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("403", "user *** with password ***").doesNotContain("s3cret"));
        assertThatThrownBy(() -> extract(RestFixtures.settings(config(auth("api_key").put("query_param", "api_key")),
                Map.of("api_key", "k3y-abc"))))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage())
                        .contains("404", "api_key=***").doesNotContain("k3y-abc"));
    }

    @Test
    void theConnectionTestNeverShowsTheSecret() {
        server.enqueue(status(401, "bad token tok-123"));

        try (Connector connector = RestFixtures.connector(config(auth("bearer")), "tok-123")) {
            assertThat(connector.testConnection().message()).contains("401").doesNotContain("tok-123");
        }
    }
}
