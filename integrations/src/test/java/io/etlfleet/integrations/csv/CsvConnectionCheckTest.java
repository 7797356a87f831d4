package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.UploadedFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The connection test of a csv integration with {@code config.url}: one HEAD, no retries. */
class CsvConnectionCheckTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passesWhenTheFileAnswersAHead() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Length", "1234").build());

        ConnectionCheck check = check(url());

        assertThat(check.ok()).isTrue();
        assertThat(check.message()).contains("1234 bytes");
        RecordedRequest head = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(head.getMethod()).isEqualTo("HEAD");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void asksForTheFirstByteWhereHeadIsRefused() throws Exception {
        server.enqueue(new MockResponse.Builder().code(405).build());
        server.enqueue(new MockResponse.Builder().code(206).addHeader("Content-Range", "bytes 0-0/99").body("i").build());

        assertThat(check(url()).ok()).isTrue();
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest ranged = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(ranged.getMethod()).isEqualTo("GET");
        assertThat(ranged.getHeaders().get("Range")).isEqualTo("bytes=0-0");
    }

    @Test
    void namesEachKindOfFailure() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        server.enqueue(new MockResponse.Builder().code(403).build());
        server.enqueue(new MockResponse.Builder().code(429).build());
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Length", "5000").build());

        assertThat(check(url()).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(check(url()).outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(check(url()).outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(check(url()).outcome()).isEqualTo(Outcome.SOURCE_ERROR);
        assertThat(check(url().put("max_bytes", 100))).satisfies(tooLarge -> {
            assertThat(tooLarge.outcome()).isEqualTo(Outcome.BAD_CONFIG);
            assertThat(tooLarge.message()).contains("config.max_bytes");
        });
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void saysUnreachableWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ConnectionCheck check = check(CsvFixtures.config().put("url", "http://127.0.0.1:" + port + "/orders.csv"));

        assertThat(check.outcome()).isEqualTo(Outcome.UNREACHABLE);
    }

    @Test
    void refusesARedirectOffPolicy() {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "http://[fe80::1]/orders.csv").build());

        assertThat(check(url()).outcome()).isEqualTo(Outcome.BAD_CONFIG);
    }

    private ObjectNode url() {
        return CsvFixtures.config().put("url", server.url("/orders.csv").toString());
    }

    private static ConnectionCheck check(ObjectNode config) {
        try (Connector connector = CsvFixtures.connector(config, CsvFixtures.services(UploadedFiles.none()))) {
            return connector.testConnection();
        }
    }
}
