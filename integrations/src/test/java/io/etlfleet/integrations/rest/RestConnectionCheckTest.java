package io.etlfleet.integrations.rest;

import static io.etlfleet.integrations.rest.RestWire.json;
import static io.etlfleet.integrations.rest.RestWire.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The connection test asks the first stream's first page once and says what went wrong. */
class RestConnectionCheckTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ConnectionCheck check(MockResponse response) {
        server.enqueue(response);
        return check(server.url("/").toString());
    }

    private static ConnectionCheck check(String baseUrl) {
        ObjectNode config = RestFixtures.config(baseUrl, "/items");
        ObjectNode stream = RestFixtures.stream(config);
        stream.put("records_path", "/data");
        stream.putObject("pagination").put("type", "page").put("size", 50);
        try (Connector connector = RestFixtures.connector(config, "tok")) {
            return connector.testConnection();
        }
    }

    @Test
    void passesWhenTheFirstPageHasItsArrayOfRecords() throws Exception {
        ConnectionCheck check = check(json("{\"data\":[{\"id\":1},{\"id\":2}]}"));

        assertThat(check.ok()).isTrue();
        assertThat(check.message()).contains("stream items", "2 records");
        var request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedQuery()).isEqualTo("page=1&per_page=50");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok");
    }

    @Test
    void saysBadCredentialsForA401OrA403() {
        assertThat(check(status(401, "who are you")).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(check(status(403, "not yours")).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
    }

    @Test
    void saysNotFoundForA404() {
        ConnectionCheck check = check(status(404, "no items here"));

        assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(check.message()).contains("404", "no items here");
    }

    @Test
    void saysRateLimitedForA429() {
        assertThat(check(status(429, "").newBuilder().addHeader("Retry-After", "30").build()).outcome())
                .isEqualTo(Outcome.RATE_LIMITED);
    }

    @Test
    void saysSourceErrorForA5xxOrAnAnswerWithoutTheRecords() {
        assertThat(check(status(500, "down")).outcome()).isEqualTo(Outcome.SOURCE_ERROR);
        assertThat(check(json("{\"items\":[]}")).message()).contains("records_path \"/data\"");
        assertThat(check(json("<html></html>")).outcome()).isEqualTo(Outcome.SOURCE_ERROR);
    }

    @Test
    void saysUnreachableWhenNothingAnswers() {
        String url = server.url("/").toString();
        server.close();

        assertThat(check(url).outcome()).isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void sendsOneRequestWithoutRetrying() {
        check(status(503, "busy"));

        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
