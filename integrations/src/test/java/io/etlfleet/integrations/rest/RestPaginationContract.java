package io.etlfleet.integrations.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connector contract, and what the {@code rest} connector adds to it, for one pagination
 * style against {@link FakeRestApi}: a full run reads every record once, an incremental run asks
 * from the cursor and reads what changed, a resumed run re-reads no committed page, a stop ends
 * the run between pages, and records inserted or edited while paging are read by that run or the
 * next. Each style's test says how its stream is configured.
 */
abstract class RestPaginationContract extends ConnectorContractTest {

    static final int PAGE = 25;
    static final int DATASET = 257;

    protected final FakeRestApi api = new FakeRestApi();
    private final MockWebServer server = new MockWebServer();
    private ConnectorServices services;

    /** The fake's path segment of the style, e.g. {@code link}. */
    protected abstract String style();

    /** Configures the stream's pagination, records_path and page size (to {@link #PAGE}). */
    protected abstract void paginate(ObjectNode stream);

    /** Whether the style pages by position (offset, page number) rather than by the API's keyset. */
    protected boolean positional() {
        return false;
    }

    @BeforeEach
    void startApi() throws Exception {
        server.setDispatcher(api);
        server.start();
        services = ConnectorServices.local();
    }

    @AfterEach
    void stopApi() {
        server.close();
    }

    protected ObjectNode config(String path) {
        ObjectNode config = RestFixtures.config(server.url("/").toString(), path);
        paginate(RestFixtures.stream(config));
        return config;
    }

    private ObjectNode config() {
        return config("/api/v1/" + style() + "/items");
    }

    @Override
    protected int pageSize() {
        return PAGE;
    }

    @Override
    protected String entityType() {
        return "items";
    }

    @Override
    protected String scope() {
        return "";
    }

    @Override
    protected void givenRecords(int count) {
        api.givenItems(count);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        return api.editOldest(count);
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return api.ids();
    }

    @Override
    protected void failNextRequests(int requests) {
        api.failNext(requests);
    }

    @Override
    protected Connector connector() {
        return RestFixtures.connector(RestFixtures.settings(config(), FakeRestApi.TOKEN), new RestFixtures.Waits(), services);
    }

    @Override
    protected Connector connectorWithBadCredentials() {
        return RestFixtures.connector(RestFixtures.settings(config(), "bad-token"), new RestFixtures.Waits(), services);
    }

    @Override
    protected Connector connectorWithMissingScope() {
        return RestFixtures.connector(RestFixtures.settings(config("/api/v1/" + style() + "/missing"), FakeRestApi.TOKEN),
                new RestFixtures.Waits(), services);
    }

    @Override
    protected String missingScope() {
        return "";
    }

    @Test
    void fullRunReadsEveryRecordExactlyOnceOnePagePerRequest() {
        givenRecords(DATASET);

        RecordingSink sink = run(SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.externalIds()).hasSize(DATASET).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(api.ids());
        assertThat(sink.pages()).hasSize(DATASET / PAGE + 1)
                .allSatisfy(page -> assertThat(page.counts()).containsEntry(Page.REQUESTS, 1L));
        assertThat(api.requests()).hasSize(sink.pages().size())
                .allSatisfy(request -> assertThat(request.getUrl().queryParameter("updated_since")).isNull());
        assertThat(sink.committedCursor()).containsEntry("cursor_value", api.item(DATASET).updatedAt().toString());
    }

    @Test
    void keepsEachRecordsTextAsSentWithItsChangeTime() {
        givenRecords(3);

        SourceRecord first = run(SyncMode.FULL, Map.of(), Map.of()).records().get(0);

        assertThat(first.externalId()).isEqualTo("1");
        assertThat(first.json()).isEqualTo("{\"id\":1,\"name\":\"item 1\",\"version\":1,\"owner\":{\"login\":\"user1\"},"
                + "\"updated_at\":\"2024-01-01T00:01:00Z\"}");
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2024-01-01T00:01:00Z"));
    }

    @Test
    void incrementalRunSendsTheCommittedCursorAndReadsTheChangedAndNewRecords() {
        givenRecords(DATASET);
        Map<String, String> cursor = run(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();
        Set<String> changed = new HashSet<>(api.edit(3, 100, 250));
        changed.add(api.insert());
        changed.add(api.insert());
        int before = api.requests().size();

        RecordingSink incremental = run(SyncMode.INCREMENTAL, cursor, Map.of());

        assertThat(api.requests().get(before).getUrl().queryParameter("updated_since"))
                .isEqualTo(cursor.get("cursor_value")).isEqualTo(api.item(DATASET).updatedAt().toString());
        // The API reads updated_since as "at or after": the last record of the previous run comes again.
        assertThat(incremental.externalIds()).containsExactlyInAnyOrderElementsOf(
                union(changed, Set.of(Integer.toString(DATASET))));
        assertThat(incremental.records()).filteredOn(r -> r.externalId().equals("100"))
                .singleElement().satisfies(r -> assertThat(r.data().get("version").asInt()).isEqualTo(2));
        assertThat(incremental.committedCursor()).containsEntry("cursor_value", api.item(DATASET + 2).updatedAt().toString());
    }

    @Test
    void resumesFromAMidRunCheckpointWithoutFetchingACommittedPageAgain() {
        givenRecords(DATASET);
        RecordingSink interrupted = run(RecordingSink.stoppingAfter(3), SyncMode.FULL, Map.of(), Map.of());
        List<String> committedUrls = api.requests().stream().map(r -> r.getUrl().toString()).toList();

        RecordingSink resumed = run(SyncMode.FULL, Map.of(), interrupted.lastPage().checkpoint());

        List<RecordedRequest> resumedRequests = api.requests().subList(committedUrls.size(), api.requests().size());
        assertThat(resumedRequests).hasSize(resumed.pages().size())
                .noneMatch(request -> committedUrls.contains(request.getUrl().toString()));
        assertThat(resumed.externalIds()).doesNotContainAnyElementsOf(interrupted.externalIds());
        assertThat(union(interrupted.externalIds(), resumed.externalIds())).isEqualTo(api.ids());
        assertThat(interrupted.externalIds()).hasSize(3 * PAGE);
    }

    @Test
    void resumedIncrementalRunAsksFromTheSameCursor() {
        givenRecords(DATASET);
        Map<String, String> cursor = run(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();
        Set<String> changed = api.editOldest(2 * PAGE + 5);
        RecordingSink interrupted = run(RecordingSink.stoppingAfter(1), SyncMode.INCREMENTAL, cursor, Map.of());
        int before = api.requests().size();

        RecordingSink resumed = run(SyncMode.INCREMENTAL, cursor, interrupted.lastPage().checkpoint());

        assertThat(api.requests().subList(before, api.requests().size())).isNotEmpty().allSatisfy(request -> assertThat(
                request.getUrl().queryParameter("updated_since")).isEqualTo(cursor.get("cursor_value")));
        assertThat(union(interrupted.externalIds(), resumed.externalIds())).containsAll(changed);
        assertThat(resumed.externalIds()).doesNotContainAnyElementsOf(interrupted.externalIds());
    }

    @Test
    void stopsBetweenPagesWithoutAskingForTheNextOne() {
        givenRecords(DATASET);

        RecordingSink sink = run(RecordingSink.stoppingAfter(2), SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.pages()).hasSize(2);
        assertThat(api.requests()).hasSize(2);
        assertThat(sink.lastPage().last()).isFalse();
        assertThat(sink.lastPage().checkpoint()).containsEntry("cursor_value", api.item(2 * PAGE).updatedAt().toString());
    }

    @Test
    void recordsInsertedAndEditedWhilePagingAreReadByThisRunOrTheNext() {
        givenRecords(DATASET);
        String[] inserted = new String[1];
        api.beforeRequest(4, () -> {
            api.edit(2);
            inserted[0] = api.insert();
        });

        RecordingSink first = run(SyncMode.INCREMENTAL, Map.of(), Map.of());
        RecordingSink next = run(SyncMode.INCREMENTAL, first.committedCursor(), Map.of());

        List<SourceRecord> both = new java.util.ArrayList<>(first.records());
        both.addAll(next.records());
        assertThat(both).extracting(SourceRecord::externalId).contains(inserted[0]);
        assertThat(both).filteredOn(r -> r.externalId().equals("2"))
                .anySatisfy(r -> assertThat(r.data().get("version").asInt()).isEqualTo(2));
        Set<String> missed = new HashSet<>(api.ids());
        missed.removeAll(first.externalIds());
        missed.removeAll(next.externalIds());
        if (positional()) {
            // Known limit of position paging: the edit moved record 2 to the end, every later record one place
            // forward, and the first record of page 4 onto page 3, already read. A full run reads it.
            assertThat(missed).containsExactly(Integer.toString(3 * PAGE + 1));
            assertThat(run(SyncMode.FULL, Map.of(), Map.of()).externalIds()).containsAll(missed);
        } else {
            assertThat(missed).isEmpty();
            assertThat(first.externalIds()).containsAll(api.ids());
        }
    }

    private static Set<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }
}
