package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What keyset paging must get right on every relational source, beyond the shared connector
 * contract: rows that share a cursor value, across page boundaries, in incremental runs and
 * on resume; and how missing tables and unreachable servers are reported. A test interface,
 * mixed into each database's contract test.
 */
interface KeysetContract {

    JdbcSource source();

    int PAGE = 10;

    @Test
    default void readsRowsSharingOneCursorValueAcrossPageBoundariesExactlyOnce() {
        source().recreateItems();
        for (int id = 1; id <= 25; id++) {
            source().insertItem(id, "item " + id, JdbcSource.at(0));
        }

        RecordingSink sink = extractItems(SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.pages()).extracting(page -> page.records().size()).containsExactly(PAGE, PAGE, 5);
        assertThat(sink.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(source().itemIds());
    }

    @Test
    default void incrementalRunReadsARowAddedWithTheLastCursorValueAndNothingAlreadyRead() {
        source().recreateItems();
        for (int id = 1; id <= 15; id++) {
            source().insertItem(id, "item " + id, JdbcSource.at(id / 4));
        }
        Map<String, String> cursor = extractItems(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();
        source().insertItem(100, "same time as the last row", JdbcSource.at(15 / 4));
        source().insertItem(50, "later", JdbcSource.at(60));

        RecordingSink next = extractItems(SyncMode.INCREMENTAL, cursor, Map.of());

        assertThat(next.externalIds()).containsExactly("100", "50");
        assertThat(next.committedCursor()).containsEntry("after.id", "50");
    }

    @Test
    default void resumesInsideARunOfEqualCursorValuesWithoutLossOrRepeat() {
        source().recreateItems();
        for (int id = 1; id <= 25; id++) {
            source().insertItem(id, "item " + id, JdbcSource.at(id < 15 ? 0 : 1));
        }
        RecordingSink interrupted = extractItems(RecordingSink.stoppingAfter(1), SyncMode.INCREMENTAL, Map.of(), Map.of());
        Page committed = interrupted.lastPage();

        RecordingSink resumed = extractItems(RecordingSink.all(), SyncMode.INCREMENTAL, Map.of(), committed.checkpoint());

        Set<String> all = new HashSet<>(interrupted.externalIds());
        all.addAll(resumed.externalIds());
        assertThat(resumed.externalIds()).doesNotContainAnyElementsOf(interrupted.externalIds());
        assertThat(all).isEqualTo(source().itemIds());
    }

    @Test
    default void rowsUpdatedAndInsertedBetweenPagesAreAllReadAtTheirNewestVersion() {
        source().recreateItems();
        Map<String, String> newest = new HashMap<>();
        for (int id = 1; id <= 60; id++) {
            source().insertItem(id, "item " + id, JdbcSource.at(id / 3));
            newest.put(Long.toString(id), "item " + id);
        }
        RecordingSink pages = RecordingSink.all();
        Set<String> editedAfterTheLastPage = new HashSet<>();
        // After each of the first eight pages, and after the last one (before the run commits its
        // cursor): two rows already read and one not yet read move past the position read (a later
        // updated_at), and a new row arrives; the incremental run must read the last round.
        PageSink editing = new PageSink() {
            @Override
            public void accept(Page page) {
                pages.accept(page);
                int n = pages.pages().size();
                if (n > 8 && !page.last()) {
                    return;
                }
                for (long id : new long[] {n, n + 10, 55 - n}) {
                    String name = "item " + id + " edit " + n;
                    source().updateItem(id, name, JdbcSource.at(1000 + n));
                    newest.put(Long.toString(id), name);
                    if (page.last()) {
                        editedAfterTheLastPage.add(Long.toString(id));
                    }
                }
                source().insertItem(100 + n, "new " + n, JdbcSource.at(1000 + n));
                newest.put(Long.toString(100 + n), "new " + n);
                if (page.last()) {
                    editedAfterTheLastPage.add(Long.toString(100 + n));
                }
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
        try (Connector connector = source().itemsConnector(PAGE)) {
            connector.extract(request(source().itemsTable(), SyncMode.FULL, Map.of(), Map.of()), editing);
        }
        RecordingSink incremental = extractItems(SyncMode.INCREMENTAL, pages.committedCursor(), Map.of());

        Map<String, String> lastRead = new HashMap<>();
        pages.records().forEach(record -> lastRead.put(record.externalId(), record.data().get("name").asString()));
        incremental.records().forEach(record -> lastRead.put(record.externalId(), record.data().get("name").asString()));
        assertThat(pages.pages().size()).isGreaterThan(8);
        assertThat(pages.lastPage().last()).isTrue();
        assertThat(incremental.externalIds()).doesNotHaveDuplicates().containsAll(editedAfterTheLastPage);
        assertThat(lastRead).isEqualTo(newest);
    }

    @Test
    default void readsThroughAConnectionThatRefusesToWrite() {
        source().recreateItems();
        source().insertItem(1, "one", JdbcSource.at(1));

        try (JdbcClient client = source().itemsClient()) {
            assertThatThrownBy(() -> client.once(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("update " + source().itemsTable() + " set name = 'written'");
                }
            })).isInstanceOf(java.sql.SQLException.class);
            assertThatThrownBy(() -> client.once(connection -> {
                try (java.sql.Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("delete from " + source().itemsTable());
                }
            })).isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(source().itemIds()).containsExactly("1");
    }

    @Test
    default void reportsAMissingTableAsPermanentAndNotFound() {
        Map<String, Object> config = source().config(Map.of("name", "no_such_table", "cursor", new String[] {"updated_at"},
                "key", new String[] {"id"}), Map.of());

        try (Connector connector = source().connector(config, source().user(), source().password())) {
            assertThatThrownBy(() -> connector.extract(request("no_such_table", SyncMode.FULL, Map.of(), Map.of()),
                    RecordingSink.all()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isFalse());
            assertThat(connector.testConnection().outcome()).isEqualTo(Outcome.NOT_FOUND);
        }
    }

    @Test
    default void reportsAMissingColumnAsNotFound() {
        source().recreateItems();
        Map<String, Object> config = source().config(Map.of("name", source().itemsTable(),
                "cursor", new String[] {"modified_at"}, "key", new String[] {"id"}), Map.of());

        try (Connector connector = source().connector(config, source().user(), source().password())) {
            assertThat(connector.testConnection().outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(connector.testConnection().message()).contains(source().itemsTable());
        }
    }

    @Test
    default void reportsAnUnreachableServerAsRetriableAndUnreachable() {
        String url = source().url().replaceFirst("//[^/]+", "//127.0.0.1:1");
        Map<String, Object> config = source().config(Map.of("name", source().itemsTable(),
                "cursor", new String[] {"updated_at"}, "key", new String[] {"id"}), Map.of());
        config.put("url", url);

        try (Connector connector = source().connector(config, source().user(), source().password())) {
            assertThatThrownBy(() -> connector.extract(request(source().itemsTable(), SyncMode.FULL, Map.of(), Map.of()),
                    RecordingSink.all())).isInstanceOf(RetriableConnectorException.class);
            assertThat(connector.testConnection().outcome()).isEqualTo(Outcome.UNREACHABLE);
        }
    }

    private RecordingSink extractItems(SyncMode mode, Map<String, String> cursor, Map<String, String> resumeFrom) {
        return extractItems(RecordingSink.all(), mode, cursor, resumeFrom);
    }

    private RecordingSink extractItems(RecordingSink sink, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        try (Connector connector = source().itemsConnector(PAGE)) {
            connector.extract(request(source().itemsTable(), mode, cursor, resumeFrom), sink);
        }
        return sink;
    }

    private static ExtractRequest request(String table, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        return new ExtractRequest(table, "", mode, cursor, resumeFrom, Instant.now());
    }
}
