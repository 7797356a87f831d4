package io.etlfleet.sample.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OrdersApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BEARER = "Bearer any-token";

    private SampleSource source;

    @BeforeEach
    void start() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String authorization, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(source.restBaseUrl() + pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode page(String query) {
        HttpResponse<String> response = get("/v1/orders" + query, BEARER, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every order, following next_cursor; {@code between} runs after the first page. */
    private List<JsonNode> all(String query, Runnable between) {
        List<JsonNode> orders = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page("?limit=200" + query + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("data").forEach(orders::add);
            JsonNode next = page.at("/pagination/next_cursor");
            cursor = next.isNull() ? null : next.asString();
            if (between != null) {
                between.run();
                between = null;
            }
        } while (cursor != null);
        return orders;
    }

    @Test
    void servesFiveHundredOrdersOnceEachInChangeOrderAcrossCursorPages() {
        List<JsonNode> orders = all("", null);

        assertThat(orders).hasSize(500);
        assertThat(orders.stream().map(o -> o.get("id").asLong()).distinct()).hasSize(500);
        List<Instant> updated = orders.stream().map(o -> Instant.parse(o.get("updated_at").asString())).toList();
        assertThat(updated).isSorted();
        JsonNode first = orders.get(0);
        assertThat(first.get("amount").isString()).isTrue();
        assertThat(new BigDecimal(first.get("amount").asString()).scale()).isEqualTo(2);
        assertThat(first.at("/customer/email").asString()).endsWith("@example.com");
        assertThat(first.get("currency").asString()).hasSize(3);
        assertThat(OrdersSample.STATUSES).contains(first.get("status").asString());
        assertThat(Instant.parse(first.get("created_at").asString())).isBeforeOrEqualTo(updated.get(0));
    }

    @Test
    void keepsOnlyOrdersChangedAtOrAfterUpdatedSince() {
        Instant since = Instant.parse(all("", null).get(449).get("updated_at").asString());

        List<JsonNode> changed = all("&updated_since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8), null);

        assertThat(changed).hasSizeGreaterThanOrEqualTo(51)
                .allSatisfy(o -> assertThat(Instant.parse(o.get("updated_at").asString())).isAfterOrEqualTo(since));
    }

    @Test
    void anOrderChangedWhilePagingMovesToTheEndAndShiftsNoOther() {
        Set<Long> ids = new HashSet<>();
        List<JsonNode> orders = all("", () -> {
            source.orders().update(1);
            source.orders().add();
        });
        orders.forEach(o -> ids.add(o.get("id").asLong()));

        assertThat(ids).hasSize(501);
        JsonNode last = orders.get(orders.size() - 1);
        assertThat(orders.get(orders.size() - 2).get("id").asLong()).isEqualTo(1);
        assertThat(last.get("id").asLong()).isEqualTo(501);
    }

    @Test
    void wantsABearerTokenOfAnyValue() {
        assertThat(get("/v1/orders", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/orders", "Basic YTpi", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/orders?limit=1", "Bearer whatever", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesBadParametersAndAnswersAnUnchangedPageWith304() {
        assertThat(get("/v1/orders?limit=0", BEARER, null).statusCode()).isEqualTo(400);
        assertThat(get("/v1/orders?updated_since=yesterday", BEARER, null).body()).contains("updated_since");
        assertThat(get("/v1/orders?cursor=nope", BEARER, null).statusCode()).isEqualTo(400);
        assertThat(get("/v1/customers", BEARER, null).statusCode()).isEqualTo(404);

        String etag = get("/v1/orders", BEARER, null).headers().firstValue("etag").orElseThrow();

        assertThat(get("/v1/orders", BEARER, etag).statusCode()).isEqualTo(304);
        source.orders().update(2);
        assertThat(get("/v1/orders", BEARER, etag).statusCode()).isEqualTo(200);
    }
}
