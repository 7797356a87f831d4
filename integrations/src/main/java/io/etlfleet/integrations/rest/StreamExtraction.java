package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.BaseUrl;
import io.etlfleet.integrations.http.JsonItems;
import io.etlfleet.integrations.http.RateLimitHeaders;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.EtagStore.StoredEtag;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through one stream and hands each page to the sink, one request per page.
 *
 * <p>Incremental runs send {@code cursor_param=<cursor>}, the greatest {@code cursor_field}
 * value the last run committed; full runs send none. The cursor a run commits is the greatest
 * value it read, the incoming one included, except values that are instants after the run's
 * start: a record changed while the run pages is read again by the next run instead of moving
 * the cursor past changes the run may have paged over (an API not sorted by the cursor field).
 *
 * <p>Each page's checkpoint is how to fetch the next one ({@code next_url}, {@code next_token},
 * {@code next_offset} or {@code next_page}) plus the running cursor ({@code cursor_value}) and the
 * cursor the run asks from ({@code from_cursor}), so a resumed run continues after its last
 * committed page with the same query. The last page's checkpoint is empty.
 *
 * <p>Conditional: the first page of an incremental run is asked with the ETag saved for its URL
 * (after that page was committed by an earlier run); a 304 yields no records and the run goes on
 * from the next-page position and cursor saved with the ETag.
 */
final class StreamExtraction {

    static final String CURSOR_FIELD = "cursor_field";
    static final String CURSOR_VALUE = "cursor_value";
    static final String FROM_CURSOR = "from_cursor";
    static final String FACT_MAX_CURSOR = "page_max_cursor";
    static final String FACT_ITEMS = "items";

    private static final Logger log = LoggerFactory.getLogger(StreamExtraction.class);
    private static final JsonItems ITEMS = new JsonItems(JsonMapper.builder().build());

    private final RestClient client;
    private final RestStream stream;
    private final StreamRecords reader;

    StreamExtraction(RestClient client, RestStream stream) {
        this.client = client;
        this.stream = stream;
        this.reader = new StreamRecords(stream);
    }

    void run(ExtractRequest request, PageSink sink) {
        String committed = committedCursor(request.cursor());
        String fromCursor;
        String running;
        PagePosition position;
        if (request.resuming()) {
            fromCursor = request.resumeFrom().get(FROM_CURSOR);
            running = CursorValues.max(committed, request.resumeFrom().get(CURSOR_VALUE));
            position = resumePosition(request.resumeFrom());
        } else {
            fromCursor = request.mode() == SyncMode.INCREMENTAL ? committed : null;
            running = committed;
            position = stream.pagination().first();
        }
        HttpUrl first = stream.firstUrl(client.config().baseUrl(), fromCursor);
        boolean firstPage = !request.resuming();
        byte[] previousBody = null;
        while (true) {
            HttpUrl url = stream.pagination().url(first, position);
            StoredEtag stored = firstPage && request.mode() == SyncMode.INCREMENTAL
                    ? client.etags().find(client.integrationId(), url.toString()).orElse(null) : null;
            long sentBefore = client.requestsSent();
            RestResponse response = client.get(url, stored == null ? null : stored.etag());
            long requests = client.requestsSent() - sentBefore;
            String endpoint = RestResponse.endpoint(url);
            StreamRecords.Read read;
            Optional<PagePosition> next;
            String pageMax;
            if (response.notModified()) {
                read = new StreamRecords.Read(List.of(), List.of(), List.of(), null);
                pageMax = stored.facts().get(FACT_MAX_CURSOR);
                next = Optional.ofNullable(PagePosition.from(stored.facts())).map(this::checked);
                running = heldBackMax(running, pageMax == null ? List.of() : List.of(pageMax), request.startedAt());
            } else {
                if (previousBody != null && response.body().length > 2 && Arrays.equals(previousBody, response.body())) {
                    throw new ConnectorException("GET " + endpoint + " answered exactly what the page before it did; "
                            + "the API seems not to read the " + stream.pagination().type() + " pagination's parameter");
                }
                previousBody = response.body();
                JsonItems.Located located = locate(response, endpoint);
                List<JsonItems.Item> items = located.items().orElseThrow();
                read = reader.read(items, endpoint);
                pageMax = read.maxCursor();
                running = heldBackMax(running, read.cursorValues(), request.startedAt());
                next = stream.pagination().next(position, new Pagination.Response(response.location(), response.headers(),
                        located.body(), items.size())).map(this::checked);
            }
            if (next.isPresent() && stream.pagination().url(first, next.get()).equals(url)) {
                log.warn("Stream {}: GET {} names itself as the next page; ending the run there", stream.name(), endpoint);
                next = Optional.empty();
            }
            Map<String, String> checkpoint = new LinkedHashMap<>();
            if (next.isPresent()) {
                checkpoint.put(next.get().key(), next.get().value());
                if (running != null) {
                    checkpoint.put(CURSOR_VALUE, running);
                }
                if (fromCursor != null) {
                    checkpoint.put(FROM_CURSOR, fromCursor);
                }
            }
            Map<String, Long> counts = Map.of(Page.REQUESTS, requests, Page.NOT_MODIFIED, response.notModified() ? 1L : 0L);
            sink.accept(new Page(read.records(), info(response, url, position, stored), checkpoint, cursor(running),
                    counts, read.rejected()));
            if (firstPage && !response.notModified()) {
                remember(response, url, next, pageMax, read);
            }
            if (next.isEmpty() || sink.stopRequested()) {
                return;
            }
            position = next.get();
            firstPage = false;
        }
    }

    /** The committed cursor's value, unless it was taken from another cursor field. */
    private String committedCursor(Map<String, String> cursor) {
        String value = cursor.get(CURSOR_VALUE);
        if (value == null || stream.cursorField() == null) {
            return null;
        }
        String field = cursor.get(CURSOR_FIELD);
        if (field != null && !field.equals(stream.cursorFieldText())) {
            log.warn("Stream {}: the stored cursor was read from {}, now cursor_field is {}; reading everything",
                    stream.name(), field, stream.cursorFieldText());
            return null;
        }
        return value;
    }

    private Map<String, String> cursor(String running) {
        if (running == null) {
            return Map.of();
        }
        return Map.of(CURSOR_FIELD, stream.cursorFieldText(), CURSOR_VALUE, running);
    }

    private static String heldBackMax(String running, List<String> values, Instant startedAt) {
        String max = running;
        for (String value : values) {
            Instant at = CursorValues.instant(value);
            if (at == null || !at.isAfter(startedAt)) {
                max = CursorValues.max(max, value);
            }
        }
        return max;
    }

    private JsonItems.Located locate(RestResponse response, String endpoint) {
        JsonItems.Located located;
        try {
            located = ITEMS.ofArrayAt(response.body(), stream.recordsPath());
        } catch (JacksonException notJson) {
            throw new ConnectorException(client.config().auth().redact("GET " + endpoint + " did not answer JSON"
                    + starts(response)));
        }
        if (located.items().isEmpty()) {
            JsonNode found = located.body().at(stream.recordsPath());
            String what = found.isMissingNode() ? "nothing" : found.isObject() ? "an object" : found.isNull() ? "null"
                    : "a " + found.getNodeType().toString().toLowerCase(Locale.ROOT);
            throw new ConnectorException(client.config().auth().redact("GET " + endpoint + ": records_path \""
                    + stream.recordsPath() + "\" should point at the array of records, but the response has " + what
                    + " there" + starts(response)));
        }
        return located;
    }

    private static String starts(RestResponse response) {
        String snippet = response.snippet();
        return snippet.isEmpty() ? " (empty body)" : " (body: " + snippet + ")";
    }

    /** A next-page URL is kept without a query-parameter key, and only when it stays on the base URL's host. */
    private PagePosition checked(PagePosition position) {
        if (!"url".equals(position.kind())) {
            return position;
        }
        HttpUrl url = HttpUrl.parse(position.value());
        if (url == null || !BaseUrl.sameOrigin(client.config().baseUrl(), url)) {
            throw new ConnectorException(client.config().auth().redact("stream " + stream.name()
                    + ": the next page's URL " + (url == null ? position.value() : url.scheme() + "://" + url.host()
                    + ":" + url.port() + "/...") + " is not on config.base_url's host; not following it"));
        }
        return PagePosition.url(client.config().auth().strip(url));
    }

    private PagePosition resumePosition(Map<String, String> checkpoint) {
        PagePosition position = PagePosition.from(checkpoint);
        String expected = switch (stream.pagination().type()) {
            case "link_header", "next_url" -> "url";
            case "cursor" -> "token";
            case "offset" -> "offset";
            case "page" -> "page";
            default -> null;
        };
        if (position == null || !position.kind().equals(expected)
                || (expected.equals("offset") || expected.equals("page")) && !position.value().matches("\\d{1,18}")) {
            throw new ConnectorException("stream " + stream.name() + ": the checkpoint to resume from names no page of its "
                    + stream.pagination().type() + " pagination (the config changed?); run without it");
        }
        return checked(position);
    }

    private void remember(RestResponse response, HttpUrl url, Optional<PagePosition> next, String pageMax,
            StreamRecords.Read read) {
        String etag = response.headers().get("ETag");
        if (etag == null) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        next.ifPresent(position -> facts.put(position.key(), position.value()));
        if (pageMax != null) {
            facts.put(FACT_MAX_CURSOR, pageMax);
        }
        facts.put(FACT_ITEMS, Integer.toString(read.records().size() + read.rejected().size()));
        client.etags().save(client.integrationId(), url.toString(), new StoredEtag(etag, facts));
    }

    private PageRequestInfo info(RestResponse response, HttpUrl url, PagePosition position, StoredEtag stored) {
        String etag = response.headers().get("ETag");
        return new PageRequestInfo(RestResponse.endpoint(url), RestResponse.params(url), position.describe(),
                etag != null ? etag : stored == null ? null : stored.etag(), RateLimitHeaders.of(response.headers()),
                response.fetchedAt());
    }
}
