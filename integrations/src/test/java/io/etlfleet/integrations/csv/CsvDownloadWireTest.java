package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.EtagStore.StoredEtag;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.integrations.spi.UploadedFiles;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Reading {@code config.url} over real HTTP: streaming, conditional requests, caps and failures. */
class CsvDownloadWireTest {

    private static final String PATH = "/exports/orders.csv";
    private static final String LAST_MODIFIED = "Fri, 01 Mar 2024 10:00:00 GMT";

    private final MockWebServer server = new MockWebServer();
    private final ConnectorServices services = CsvFixtures.services(UploadedFiles.none());
    private ObjectNode config;

    @BeforeEach
    void start() throws IOException {
        server.start();
        config = CsvFixtures.config().put("url", server.url(PATH + "?sig=s3cret").toString()).put("page_size", 2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsTheFileNamedByTheUrlWithItsLastModifiedTime() throws Exception {
        server.enqueue(csv("id,total\n1,10\n2,20\n3,30\n").addHeader("Last-Modified", LAST_MODIFIED).build());

        RecordingSink sink = run(SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.externalIds()).containsExactly("orders.csv:2", "orders.csv:3", "orders.csv:4");
        assertThat(sink.records()).allSatisfy(record -> {
            assertThat(record.updatedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
            assertThat(record.data().get("_file").asString()).isEqualTo("orders.csv");
        });
        assertThat(sink.pages()).allSatisfy(page -> assertThat(page.request().endpoint()).isEqualTo(PATH));
        assertThat(sink.pages().get(0).counts()).containsEntry(Page.REQUESTS, 1L);
        assertThat(sink.pages().get(1).counts()).doesNotContainKey(Page.REQUESTS);
        assertThat(sink.pages().get(0).checkpoint()).containsEntry("rows_consumed", "2")
                .containsEntry("validator", LAST_MODIFIED).doesNotContainValue("s3cret");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedQuery()).isEqualTo("sig=s3cret");
        assertThat(request.getHeaders().get("If-None-Match")).isNull();
    }

    @Test
    void handsOnPagesWhileTheBodyIsStillArriving() {
        CountDownLatch firstPageAccepted = new CountDownLatch(1);
        server.enqueue(new MockResponse.Builder().body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return BodyRows.length(1, 10_000);
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(BodyRows.header());
                BodyRows.write(sink, 1, 5_000);
                sink.flush();
                try {
                    // Only a connector that streams gets here: it handed on a page before the body ended.
                    if (!firstPageAccepted.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("the connector waited for the whole body");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                BodyRows.write(sink, 5_001, 10_000);
            }
        }).build());
        config.put("page_size", 1000);
        int[] records = {0};

        CsvFixtures.extract(connector(), new PageSink() {
            @Override
            public void accept(Page page) {
                records[0] += page.records().size();
                firstPageAccepted.countDown();
            }
        }, SyncMode.FULL, Map.of(), Map.of());

        assertThat(records[0]).isEqualTo(10_000);
    }

    @Test
    void asksConditionallyInIncrementalRunsAndA304StoresNothing() throws Exception {
        server.enqueue(csv("id,total\n1,10\n").addHeader("ETag", "\"v1\"").addHeader("Last-Modified", LAST_MODIFIED)
                .build());
        server.enqueue(new MockResponse.Builder().code(304).build());
        server.enqueue(csv("id,total\n1,10\n").addHeader("ETag", "\"v1\"").addHeader("Last-Modified", LAST_MODIFIED)
                .build());

        RecordingSink first = run(SyncMode.INCREMENTAL, Map.of(), Map.of());
        StoredEtag saved = services.etags().find(CsvFixtures.INTEGRATION, server.url(PATH).toString()).orElseThrow();
        RecordingSink again = run(SyncMode.INCREMENTAL, first.committedCursor(), Map.of());
        RecordingSink full = run(SyncMode.FULL, first.committedCursor(), Map.of());

        assertThat(saved).isEqualTo(new StoredEtag("\"v1\"", Map.of("last_modified", LAST_MODIFIED)));
        assertThat(first.committedCursor()).containsEntry("etag", "\"v1\"").containsKey("fetched_at");
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest conditional = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(again.records()).isEmpty();
        assertThat(again.pages()).singleElement().satisfies(page -> {
            assertThat(page.last()).isTrue();
            assertThat(page.counts()).containsEntry(Page.NOT_MODIFIED, 1L).containsEntry(Page.REQUESTS, 1L);
        });
        assertThat(again.committedCursor()).isEqualTo(first.committedCursor());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("If-None-Match")).isNull();
        assertThat(full.records()).isEqualTo(first.records());
    }

    @Test
    void savesNoValidatorForARunThatStoppedEarly() {
        server.enqueue(csv("id\n1\n2\n3\n").addHeader("ETag", "\"v1\"").build());

        run(RecordingSink.stoppingAfter(1), SyncMode.INCREMENTAL, Map.of(), Map.of());

        assertThat(services.etags().find(CsvFixtures.INTEGRATION, server.url(PATH).toString())).isEmpty();
    }

    @Test
    void resumesByDownloadingAgainAndSkippingCommittedRowsUnlessTheFileChanged() {
        server.enqueue(csv("id\n1\n2\n3\n").addHeader("ETag", "\"v1\"").build());
        server.enqueue(csv("id\n1\n2\n3\n").addHeader("ETag", "\"v1\"").build());
        server.enqueue(csv("id\n1\n2\n3\n4\n").addHeader("ETag", "\"v2\"").build());
        Map<String, String> checkpoint = run(RecordingSink.stoppingAfter(1), SyncMode.FULL, Map.of(), Map.of())
                .lastPage().checkpoint();

        RecordingSink same = run(SyncMode.FULL, Map.of(), checkpoint);
        RecordingSink changed = run(SyncMode.FULL, Map.of(), checkpoint);

        assertThat(same.externalIds()).containsExactly("orders.csv:4");
        assertThat(changed.externalIds()).containsExactly("orders.csv:2", "orders.csv:3", "orders.csv:4",
                "orders.csv:5");
    }

    @Test
    void downloadsAgainToReadOnAfterAnUnterminatedQuote() {
        String text = "id,note\n1,\"open\n2,b\n";
        server.enqueue(csv(text).addHeader("ETag", "\"v1\"").build());
        server.enqueue(csv(text).addHeader("ETag", "\"v1\"").build());

        RecordingSink sink = run(SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.externalIds()).containsExactly("orders.csv:3");
        assertThat(sink.pages()).flatExtracting(Page::rejected).hasSize(1);
        assertThat(sink.lastPage().counts()).containsEntry(Page.REQUESTS, 2L);
    }

    @Test
    void failsPermanentlyWhenTheFileIsLargerThanMaxBytes() {
        config.put("max_bytes", 20);
        server.enqueue(csv("id,total\n1,10\n2,20\n3,30\n").build());
        server.enqueue(new MockResponse.Builder().chunkedBody("id,total\n1,10\n2,20\n3,30\n", 4).build());

        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("config.max_bytes", "24 bytes");
                });
        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("larger than config.max_bytes (20 bytes)");
                });
    }

    @Test
    void failsPermanentlyOnA404WithTheStatusAndTheStartOfTheBody() {
        server.enqueue(new MockResponse.Builder().code(404).body("<html>\n  <h1>No such export</h1>\n</html>").build());

        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("404", "<h1>No such export</h1>", PATH)
                            .doesNotContain("s3cret");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesA503AndReportsOneThatPersistsAsRetriable() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(csv("id\n1\n").build());
        server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());
        server.enqueue(new MockResponse.Builder().code(503).body("maintenance").build());

        assertThat(run(SyncMode.FULL, Map.of(), Map.of()).externalIds()).containsExactly("orders.csv:2");
        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOf(RetriableConnectorException.class).hasMessageContaining("503");
    }

    @Test
    void defersTheJobWhenTheServerLimitsRequestsForLong() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());

        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retriable()).isTrue());
    }

    @Test
    void followsRedirectsOnlyToUrlsThePolicyAllows() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/moved/orders.csv").build());
        server.enqueue(csv("id\n1\n").build());
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "http://169.254.169.254/latest/meta-data").build());

        assertThat(run(SyncMode.FULL, Map.of(), Map.of()).externalIds()).containsExactly("orders.csv:2");
        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("169.254.169.254", "not followed");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private MockResponse.Builder csv(String body) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/csv").body(body);
    }

    private Connector connector() {
        return CsvFixtures.connector(config, services);
    }

    private RecordingSink run(SyncMode mode, Map<String, String> cursor, Map<String, String> resumeFrom) {
        return run(RecordingSink.all(), mode, cursor, resumeFrom);
    }

    private RecordingSink run(RecordingSink sink, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        return CsvFixtures.extract(connector(), sink, mode, cursor, resumeFrom);
    }

    /** Rows written straight to a response body. */
    private static final class BodyRows {

        static String header() {
            return "id,text\n";
        }

        static void write(BufferedSink sink, int from, int to) throws IOException {
            for (int i = from; i <= to; i++) {
                sink.writeUtf8(row(i));
            }
        }

        /** Bytes of the header and rows {@code from..to}. */
        static long length(int from, int to) {
            long length = header().length();
            for (int i = from; i <= to; i++) {
                length += row(i).length();
            }
            return length;
        }

        private static String row(int i) {
            return i + ",\"row " + i + ", quoted\"\n";
        }
    }
}
