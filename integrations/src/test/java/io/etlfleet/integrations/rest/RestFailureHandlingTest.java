package io.etlfleet.integrations.rest;

import static io.etlfleet.integrations.rest.RestWire.extract;
import static io.etlfleet.integrations.rest.RestWire.json;
import static io.etlfleet.integrations.rest.RestWire.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RejectedRecord;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Rate limits, failures and refusals, on the wire. */
class RestFailureHandlingTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    private ObjectNode config() {
        ObjectNode config = RestFixtures.config(server.url("/").toString(), "/items");
        RestFixtures.stream(config).putObject("pagination").put("type", "link_header");
        return config;
    }

    private ConnectorSettings settings(ObjectNode config) {
        return RestFixtures.settings(config, "tok");
    }

    private ConnectorSettings settings() {
        return settings(config());
    }

    @Test
    void waitsTheSecondsOfARetryAfterAndAsksAgain() {
        server.enqueue(status(429, "slow down").newBuilder().addHeader("Retry-After", "3").build());
        server.enqueue(json("[{\"id\":1}]"));
        RestFixtures.Waits waits = new RestFixtures.Waits(NOW);

        RecordingSink sink = extract(settings(), waits, ConnectorServices.local());

        assertThat(sink.externalIds()).containsExactly("1");
        assertThat(waits.waits()).containsExactly(Duration.ofSeconds(4)); // 3 s and the 1 s margin
        assertThat(sink.lastPage().counts()).containsEntry(Page.REQUESTS, 2L);
    }

    @Test
    void waitsUntilTheHttpDateOfARetryAfterOnA503() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(10).atOffset(ZoneOffset.UTC));
        server.enqueue(status(503, "maintenance").newBuilder().addHeader("Retry-After", date).build());
        server.enqueue(json("[{\"id\":1}]"));
        RestFixtures.Waits waits = new RestFixtures.Waits(NOW);

        assertThat(extract(settings(), waits, ConnectorServices.local()).externalIds()).containsExactly("1");
        assertThat(waits.waits()).containsExactly(Duration.ofSeconds(11));
    }

    @Test
    void defersALongRetryAfterToTheRuntimeAndHoldsBackEveryJobOnTheCredential() {
        server.enqueue(status(429, "").newBuilder().addHeader("Retry-After", "3600").build());
        ConnectorServices services = ConnectorServices.local();
        RestFixtures.Waits waits = new RestFixtures.Waits(NOW);

        assertThatThrownBy(() -> extract(settings(), waits, services))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.resetAt()).isEqualTo(NOW.plusSeconds(3600)));
        ConnectorSettings otherIntegration = new ConnectorSettings("integration-2", config(), Map.of("token", "tok"));
        assertThatThrownBy(() -> extract(otherIntegration, waits, services))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("not sent");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(waits.waits()).isEmpty();
    }

    @Test
    void recordsRateLimitHeadersInTheBudgetSharedByTheCredentialAtThatHost() {
        server.enqueue(json("[{\"id\":1}]").newBuilder().addHeader("X-RateLimit-Limit", "100")
                .addHeader("X-RateLimit-Remaining", "0")
                .addHeader("X-RateLimit-Reset", Long.toString(NOW.plusSeconds(600).getEpochSecond())).build());
        server.enqueue(json("[{\"id\":2}]"));
        ConnectorServices services = ConnectorServices.local();
        RestFixtures.Waits waits = new RestFixtures.Waits(NOW);

        RecordingSink first = extract(settings(), waits, services);

        assertThat(first.lastPage().request().rateLimit()).containsEntry("x-ratelimit-remaining", "0");
        // Another integration with the same token at the same host draws on the same, spent, budget.
        ConnectorSettings sameCredential = new ConnectorSettings("integration-2", config(), Map.of("token", "tok"));
        assertThatThrownBy(() -> extract(sameCredential, waits, services))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.resetAt()).isEqualTo(NOW.plusSeconds(600)));
        assertThat(server.getRequestCount()).isEqualTo(1);
        // Another token has a budget of its own.
        assertThat(extract(RestFixtures.settings(config(), "other-tok"), waits, services).externalIds()).containsExactly("2");
    }

    @Test
    void readsTheIetfDraftHeadersIntoTheBudgetToo() {
        server.enqueue(json("[]").newBuilder().addHeader("RateLimit-Limit", "10").addHeader("RateLimit-Remaining", "0")
                .addHeader("RateLimit-Reset", "2").build());
        server.enqueue(json("[{\"id\":2}]"));
        ConnectorServices services = ConnectorServices.local();
        RestFixtures.Waits waits = new RestFixtures.Waits(NOW);
        extract(settings(), waits, services);

        // A short wait is slept through in the worker before the request is sent.
        assertThat(extract(settings(), waits, services).externalIds()).containsExactly("2");
        assertThat(waits.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void retriesServerErrorsAndThenReportsThemAsRetriable() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(500, "oops"));
        }

        assertThatThrownBy(() -> extract(settings())).isInstanceOf(RetriableConnectorException.class)
                .hasMessageContaining("500").hasMessageContaining("oops");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void reportsNotFoundAndBadRequestAsPermanentWithTheStartOfTheBody() {
        server.enqueue(status(404, "{\"error\": \"no such\n   collection\"}"));
        server.enqueue(status(400, "x".repeat(500)));

        assertThatThrownBy(() -> extract(settings())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("404", "{\"error\": \"no such collection\"}", "GET /items");
        });
        assertThatThrownBy(() -> extract(settings())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("400", "x".repeat(200) + "...").doesNotContain("x".repeat(201));
        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void saysClearlyWhenRecordsPathFindsNoArray() {
        ObjectNode config = config();
        RestFixtures.stream(config).put("records_path", "/data");
        server.enqueue(json("{\"items\":[]}"));
        server.enqueue(json("{\"data\":{\"id\":1}}"));
        server.enqueue(json("<html>login</html>"));

        assertThatThrownBy(() -> extract(settings(config))).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("records_path \"/data\"", "has nothing there", "{\"items\":[]}");
        });
        assertThatThrownBy(() -> extract(settings(config))).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).contains("has an object there"));
        assertThatThrownBy(() -> extract(settings(config))).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.getMessage()).contains("did not answer JSON", "<html>login</html>"));
    }

    @Test
    void rejectsARecordWithoutItsPrimaryKeyAndStoresTheRest() {
        server.enqueue(json("[{\"id\":1},{\"name\":\"no id\"},{\"id\":null},\"scalar\",{\"id\":\"a-4\"}]"));

        RecordingSink sink = extract(settings());

        assertThat(sink.externalIds()).containsExactly("1", "a-4");
        assertThat(sink.lastPage().rejected()).extracting(RejectedRecord::position)
                .containsExactly("/items [1]", "/items [2]", "/items [3]");
        assertThat(sink.lastPage().rejected().get(0).reason()).contains("has no primary key id");
    }

    @Test
    void keysARecordByTheJsonArrayOfSeveralKeyValues() {
        ObjectNode config = config();
        RestFixtures.stream(config).putArray("primary_key").add("/account/id").add("number");
        server.enqueue(json("[{\"account\":{\"id\":7},\"number\":\"A-1\"},{\"account\":{\"id\":7}}]"));

        RecordingSink sink = extract(settings(config));

        assertThat(sink.externalIds()).containsExactly("[7,\"A-1\"]");
        assertThat(sink.lastPage().rejected()).hasSize(1);
    }

    @Test
    void refusesANextPageOnAnotherHost() {
        String next = elsewhere.url("/items?page=2").toString();
        server.enqueue(json("[{\"id\":1}]").newBuilder().addHeader("Link", "<" + next + ">; rel=\"next\"").build());
        ObjectNode nextUrl = config();
        RestFixtures.stream(nextUrl).put("records_path", "/data").putObject("pagination").put("type", "next_url")
                .put("next_url_path", "/next");
        server.enqueue(json("{\"data\":[{\"id\":1}],\"next\":\"" + next + "\"}"));

        assertThatThrownBy(() -> extract(settings())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not on config.base_url's host");
        assertThatThrownBy(() -> extract(settings(nextUrl))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not on config.base_url's host");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void followsARedirectOnItsHostButNeverToAnother() {
        server.enqueue(status(301, "").newBuilder().addHeader("Location", "/v2/items").build());
        server.enqueue(json("[{\"id\":1}]"));
        server.enqueue(status(302, "").newBuilder().addHeader("Location", elsewhere.url("/steal").toString()).build());

        assertThat(extract(settings()).externalIds()).containsExactly("1");
        assertThatThrownBy(() -> extract(settings())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("redirected off config.base_url's host");
        });
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void endsAPageStyleThatNeverChangesInsteadOfLoopingForever() {
        ObjectNode config = config();
        RestFixtures.stream(config).putObject("pagination").put("type", "page").put("size", 1);
        MockResponse same = json("[{\"id\":1}]");
        server.enqueue(same);
        server.enqueue(same);

        assertThatThrownBy(() -> extract(settings(config))).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("answered exactly what the page before it did");
    }
}
