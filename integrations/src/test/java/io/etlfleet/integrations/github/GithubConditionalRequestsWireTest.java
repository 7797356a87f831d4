package io.etlfleet.integrations.github;

import static io.etlfleet.integrations.github.GithubEntityWireTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.http.BudgetGate;
import io.etlfleet.integrations.http.CircuitBreakerPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.RateLimitBudgets;
import io.etlfleet.integrations.spi.RateLimitBudgets.BudgetKey;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditional requests, the shared budget and the circuit breaker on the wire. */
class GithubConditionalRequestsWireTest {

    private static final String TOKEN = "ghp_wire";
    /** An offset listing; the keyset listings' conditional requests are covered in GithubKeysetWireTest. */
    private static final String PULLS = "/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100";

    private final MockWebServer server = new MockWebServer();
    private final ConnectorServices services = ConnectorServices.local();
    private final long reset = Instant.now().plusSeconds(3600).getEpochSecond();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheStoredEtagOnlyInIncrementalRunsAndA304StoresNothingAndCostsNothing() throws Exception {
        String page2 = server.url(PULLS + "&page=2").toString();
        server.enqueue(limited(json("[{\"number\":1,\"updated_at\":\"2024-02-01T00:00:00Z\"}]"), 10).newBuilder()
                .addHeader("ETag", "W/\"p1\"").addHeader("Link", "<" + page2 + ">; rel=\"next\"").build());
        server.enqueue(limited(json("[{\"number\":2,\"updated_at\":\"2024-01-01T00:00:00Z\"}]"), 9).newBuilder()
                .addHeader("ETag", "W/\"p2\"").build());
        server.enqueue(limited(new MockResponse.Builder().code(304).build(), 9).newBuilder().addHeader("ETag", "W/\"p1\"").build());
        server.enqueue(limited(new MockResponse.Builder().code(304).build(), 9).newBuilder().addHeader("ETag", "W/\"p2\"").build());
        server.enqueue(json("[]"));

        RecordingSink first = extract(SyncMode.INCREMENTAL);
        RecordingSink again = extract(SyncMode.INCREMENTAL);
        extract(SyncMode.FULL);

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isNull();
        RecordedRequest conditional1 = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(conditional1.getHeaders().get("If-None-Match")).isEqualTo("W/\"p1\"");
        RecordedRequest conditional2 = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(conditional2.getUrl().toString()).isEqualTo(page2);
        assertThat(conditional2.getHeaders().get("If-None-Match")).isEqualTo("W/\"p2\"");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isNull();
        assertThat(again.records()).isEmpty();
        assertThat(again.pages()).hasSize(2).allSatisfy(page -> assertThat(page.counts())
                .containsEntry(Page.NOT_MODIFIED, 1L).containsEntry(Page.REQUESTS, 1L));
        assertThat(again.committedCursor()).isEqualTo(first.committedCursor());
        // GitHub reported 9 left after the last counted request; the two 304s cost nothing, the
        // full run's request (its answer reported no numbers) took one more.
        assertThat(acquirable(8)).isTrue();
    }

    @Test
    void aFullLastPageAnswered304IsFollowedByTheNextPageNumber() throws Exception {
        StringBuilder hundred = new StringBuilder("[");
        for (int i = 1; i <= 100; i++) {
            hundred.append(i > 1 ? "," : "").append("{\"number\":").append(i).append(",\"updated_at\":\"2024-02-01T00:00:00Z\"}");
        }
        server.enqueue(json(hundred.append("]").toString()).newBuilder().addHeader("ETag", "W/\"full\"").build());
        server.enqueue(new MockResponse.Builder().code(304).build());
        server.enqueue(json("[{\"number\":101,\"updated_at\":\"2024-02-02T00:00:00Z\"}]"));

        extract(SyncMode.INCREMENTAL);
        RecordingSink again = extract(SyncMode.INCREMENTAL);

        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().toString())
                .isEqualTo(server.url(PULLS + "&page=2").toString());
        assertThat(again.externalIds()).containsExactly("acme/widgets#101");
    }

    @Test
    void aSpentSharedBudgetDefersTheRunWithoutSendingARequest() {
        Instant resetAt = Instant.ofEpochSecond(reset);
        services.budgets().observe(key(), new RateLimitBudgets.RateLimitSnapshot(5000, 0, 5000, resetAt));

        assertThatThrownBy(() -> extract(SyncMode.INCREMENTAL)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.resetAt()).isEqualTo(resetAt));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSecondaryLimitBlocksTheTokenForEveryIntegrationThatUsesIt() {
        server.enqueue(new MockResponse.Builder().code(403).addHeader("Retry-After", "120")
                .body("{\"message\":\"You have exceeded a secondary rate limit.\"}").build());

        assertThatThrownBy(() -> extract(SyncMode.INCREMENTAL)).isInstanceOf(RateLimitedException.class);
        Connector other = new GithubConnectorFactory(GithubFixtures.HTTP, GithubFixtures.fastPolicy(RecordingSleeper.instant()),
                services).create(new io.etlfleet.integrations.spi.ConnectorSettings("integration-2",
                GithubFixtures.config(server.url("/").toString(), "acme/widgets"), Map.of("token", TOKEN)));
        assertThatThrownBy(() -> other.extract(request(SyncMode.FULL), RecordingSink.all()))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.resetAt()).isAfter(Instant.now().plusSeconds(100)));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theCircuitOpensAfterRepeatedServerErrorsAndStopsCallingTheSource() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(new MockResponse.Builder().code(502).body("{\"message\":\"Server Error\"}").build());
        }
        GithubConnectorFactory factory = new GithubConnectorFactory(GithubFixtures.HTTP,
                GithubFixtures.fastPolicy(RecordingSleeper.instant())
                        .withCircuitBreaker(new CircuitBreakerPolicy(50, 4, 4, Duration.ofMinutes(1), 1)), services);
        var settings = GithubFixtures.settings(GithubFixtures.config(server.url("/").toString(), "acme/widgets"), TOKEN);

        for (int run = 0; run < 3; run++) {
            try (Connector connector = factory.create(settings)) {
                assertThatThrownBy(() -> connector.extract(request(SyncMode.FULL), RecordingSink.all()))
                        .isInstanceOf(RetriableConnectorException.class);
            }
        }
        try (Connector connector = factory.create(settings)) {
            assertThatThrownBy(() -> connector.extract(request(SyncMode.FULL), RecordingSink.all()))
                    .isInstanceOf(RetriableConnectorException.class).hasMessageContaining("circuit breaker");
        }
        // Three attempts by the first run, one more opens the circuit; nothing after that.
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    private boolean acquirable(int requests) {
        for (int i = 0; i < requests; i++) {
            if (services.budgets().tryAcquire(key(), Instant.now()).isPresent()) {
                return false;
            }
        }
        return services.budgets().tryAcquire(key(), Instant.now()).isPresent();
    }

    private BudgetKey key() {
        return new BudgetKey("integration-1", BudgetGate.fingerprint(TOKEN), "core");
    }

    private MockResponse limited(MockResponse response, int remaining) {
        return response.newBuilder().addHeader("x-ratelimit-limit", "5000")
                .addHeader("x-ratelimit-remaining", Integer.toString(remaining))
                .addHeader("x-ratelimit-used", Integer.toString(5000 - remaining))
                .addHeader("x-ratelimit-reset", Long.toString(reset)).addHeader("x-ratelimit-resource", "core").build();
    }

    private RecordingSink extract(SyncMode mode) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = GithubFixtures.connector(GithubFixtures.config(server.url("/").toString(),
                "acme/widgets"), TOKEN, RecordingSleeper.instant(), services)) {
            connector.extract(request(mode), sink);
        }
        return sink;
    }

    private static ExtractRequest request(SyncMode mode) {
        return new ExtractRequest("github_pull_requests", "acme/widgets", mode, Map.of(), Map.of(), Instant.now());
    }

}
