package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import io.etlfleet.integrations.spi.UploadedFiles.StoredFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Reading uploaded files: full and incremental runs, checkpoints, resumes and re-runs. */
class CsvUploadedFilesTest {

    private final InMemoryUploadedFiles files = new InMemoryUploadedFiles();
    private final ObjectNode config = CsvFixtures.config().put("page_size", 2).put("entity", "orders");

    @Test
    void extractsOneEntityWithoutScopes() {
        try (Connector connector = connector()) {
            assertThat(connector.type()).isEqualTo("csv");
            assertThat(connector.entityTypes()).containsExactly("orders");
            assertThat(connector.scopes("orders")).containsExactly("");
            assertThatThrownBy(() -> connector.extract(CsvFixtures.request("rows", SyncMode.FULL, Map.of(), Map.of()),
                    RecordingSink.all())).isInstanceOf(UnsupportedEntityException.class);
        }
    }

    @Test
    void readsEveryFileInUploadOrderInPagesWithCheckpoints() {
        StoredFile first = files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 3));
        StoredFile second = files.upload(CsvFixtures.INTEGRATION, "b.csv", rows(4, 5));

        RecordingSink sink = run(SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.externalIds()).containsExactly("a.csv:2", "a.csv:3", "a.csv:4", "b.csv:2", "b.csv:3");
        assertThat(sink.pages()).extracting(Page::checkpoint).containsExactly(
                Map.of("file_id", first.id(), "file_uploaded_at", first.uploadedAt().toString(), "rows_consumed", "2"),
                Map.of("file_id", second.id(), "file_uploaded_at", second.uploadedAt().toString(), "rows_consumed", "0"),
                Map.of());
        assertThat(sink.pages()).allSatisfy(page -> assertThat(page.records().size()).isLessThanOrEqualTo(2));
        assertThat(sink.pages().get(0).request().endpoint())
                .isEqualTo("/integrations/" + CsvFixtures.INTEGRATION + "/files/" + first.id());
        assertThat(sink.committedCursor())
                .isEqualTo(Map.of("uploaded_at", second.uploadedAt().toString(), "file_id", second.id()));
    }

    @Test
    void incrementalRunReadsOnlyFilesUploadedAfterTheCursor() {
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 3));
        Map<String, String> cursor = run(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();
        StoredFile later = files.upload(CsvFixtures.INTEGRATION, "b.csv", rows(4, 4));

        RecordingSink second = run(SyncMode.INCREMENTAL, cursor, Map.of());
        RecordingSink third = run(SyncMode.INCREMENTAL, second.committedCursor(), Map.of());

        assertThat(second.externalIds()).containsExactly("b.csv:2");
        assertThat(second.committedCursor()).containsEntry("file_id", later.id());
        assertThat(third.records()).isEmpty();
        assertThat(third.pages()).singleElement().satisfies(page -> assertThat(page.last()).isTrue());
        assertThat(third.committedCursor()).isEqualTo(second.committedCursor());
    }

    @Test
    void anIdenticalReUploadIsNotReadAgainIncrementallyAndReadsTheSameInAFullRun() {
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 3));
        RecordingSink first = run(SyncMode.INCREMENTAL, Map.of(), Map.of());
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 3));

        RecordingSink incremental = run(SyncMode.INCREMENTAL, first.committedCursor(), Map.of());
        RecordingSink full = run(SyncMode.FULL, Map.of(), Map.of());

        assertThat(incremental.records()).isEmpty();
        assertThat(full.records()).isEqualTo(first.records());
        assertThat(full.pages()).extracting(Page::checkpoint).isEqualTo(first.pages().stream().map(Page::checkpoint).toList());
    }

    @Test
    void resumesMidFileWithoutRereadingCommittedRows() {
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 5));
        files.upload(CsvFixtures.INTEGRATION, "b.csv", rows(6, 7));
        RecordingSink whole = run(SyncMode.FULL, Map.of(), Map.of());
        RecordingSink interrupted = run(RecordingSink.stoppingAfter(2), SyncMode.FULL, Map.of(), Map.of());

        RecordingSink resumed = run(SyncMode.FULL, Map.of(), interrupted.lastPage().checkpoint());

        assertThat(interrupted.pages()).hasSize(2);
        assertThat(interrupted.lastPage().checkpoint()).containsEntry("rows_consumed", "4");
        assertThat(resumed.externalIds()).doesNotContainAnyElementsOf(interrupted.externalIds())
                .containsExactly("a.csv:6", "b.csv:2", "b.csv:3");
        List<SourceRecord> union = new ArrayList<>(interrupted.records());
        union.addAll(resumed.records());
        assertThat(union).isEqualTo(whole.records());
    }

    @Test
    void resumesAfterTheCheckpointFileWhenThatFileWasDeleted() {
        StoredFile first = files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 3));
        files.upload(CsvFixtures.INTEGRATION, "b.csv", rows(4, 4));
        Map<String, String> checkpoint = run(RecordingSink.stoppingAfter(1), SyncMode.FULL, Map.of(), Map.of())
                .lastPage().checkpoint();
        files.delete(CsvFixtures.INTEGRATION, first.id());

        assertThat(run(SyncMode.FULL, Map.of(), checkpoint).externalIds()).containsExactly("b.csv:2");
    }

    @Test
    void stopsBetweenPagesWhenAsked() {
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 10));

        RecordingSink sink = run(RecordingSink.stoppingAfter(1), SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.pages()).hasSize(1);
        assertThat(sink.lastPage().last()).isFalse();
    }

    @Test
    void anEmptyIntegrationGivesOneEmptyLastPage() {
        RecordingSink sink = run(SyncMode.INCREMENTAL, Map.of("uploaded_at", "2024-01-01T00:00:00Z", "file_id", "f"),
                Map.of());

        assertThat(sink.pages()).singleElement().satisfies(page -> {
            assertThat(page.records()).isEmpty();
            assertThat(page.last()).isTrue();
            assertThat(page.cursor()).containsEntry("file_id", "f");
        });
    }

    @Test
    void retriesAFileThatFailsToOpenOnceAndFailsRetriablyWhenItKeepsFailing() {
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 1));
        files.failNextOpens(1);

        assertThat(run(SyncMode.FULL, Map.of(), Map.of()).externalIds()).containsExactly("a.csv:2");

        files.failNextOpens(50);
        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOf(RetriableConnectorException.class).hasMessageContaining("a.csv");
    }

    @Test
    void passesTheConnectionTestOnlyWithUploadedFiles() {
        ConnectionCheck none = connector().testConnection();
        files.upload(CsvFixtures.INTEGRATION, "a.csv", rows(1, 1));
        ConnectionCheck one = connector().testConnection();

        assertThat(none.outcome()).isEqualTo(ConnectionCheck.Outcome.NOT_FOUND);
        assertThat(none.message()).contains("no files uploaded");
        assertThat(one.ok()).isTrue();
        assertThat(one.message()).contains("1 file");
    }

    @Test
    void streamsA200000RowFileInBoundedPages() {
        int rows = 200_000;
        GeneratedCsv generated = new GeneratedCsv(rows);
        files.uploadStream(CsvFixtures.INTEGRATION, "big.csv", -1, () -> generated);
        config.put("page_size", 5_000).withArray("key").add("id");
        Set<String> ids = new HashSet<>();
        int[] pages = {0};
        long[] producedAtFirstPage = {-1};

        CsvFixtures.extract(connector(), new PageSink() {
            @Override
            public void accept(Page page) {
                if (pages[0]++ == 0) {
                    producedAtFirstPage[0] = generated.produced();
                }
                assertThat(page.records()).hasSizeLessThanOrEqualTo(5_000);
                page.records().forEach(record -> ids.add(record.externalId()));
            }
        }, SyncMode.FULL, Map.of(), Map.of());

        assertThat(ids).hasSize(rows);
        assertThat(pages[0]).isEqualTo(rows / 5_000);
        // The first page was handed on after reading a small part of the file, not all of it.
        assertThat(producedAtFirstPage[0]).isLessThan(generated.produced() / 10);
    }

    private RecordingSink run(SyncMode mode, Map<String, String> cursor, Map<String, String> resumeFrom) {
        return run(RecordingSink.all(), mode, cursor, resumeFrom);
    }

    private RecordingSink run(RecordingSink sink, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        return CsvFixtures.extract(connector(), sink, mode, cursor, resumeFrom);
    }

    private Connector connector() {
        return CsvFixtures.connector(config, CsvFixtures.services(files));
    }

    /** A header and the rows {@code from..to}, one per line. */
    static String rows(int from, int to) {
        StringBuilder text = new StringBuilder("id,total\n");
        IntStream.rangeClosed(from, to).forEach(i -> text.append(i).append(',').append(i * 10).append('\n'));
        return text.toString();
    }
}
