package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RejectedRecord;
import io.etlfleet.integrations.spi.SourceRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Hands the rows of one file to the sink in pages of {@code config.page_size} records read
 * (rejected ones count), one file per page. Within a page a repeated external id keeps only its
 * last row. Each page but a file's last carries the checkpoint "this file, so many rows read";
 * a file's last page carries {@link Plan#done()}. Only one page of rows is held at a time.
 */
final class FilePages {

    /**
     * How to read one file.
     *
     * @param skip       rows a resumed run already handed on
     * @param checkpoint the position of this file, completed with {@link CsvPosition#ROWS_CONSUMED} on each page
     * @param done       the checkpoint once the file is read: empty when it is the run's last file
     * @param cursor     the cursor every page of the file carries
     */
    record Plan(CsvFile file, long skip, Map<String, String> checkpoint, Map<String, String> done,
            Map<String, String> cursor) {
    }

    private final CsvConfig config;
    private final PageSink sink;
    private final Clock clock;
    private final LongSupplier requestsSent;
    private long requestsReported;

    /** @param requestsSent HTTP requests sent so far by the run, reported on the pages that follow them */
    FilePages(CsvConfig config, PageSink sink, Clock clock, LongSupplier requestsSent) {
        this.config = config;
        this.sink = sink;
        this.clock = clock;
        this.requestsSent = requestsSent;
    }

    /**
     * @return true when the file was read to its end (for the run's last file: its last page
     *         was accepted); false when the sink asked to stop after one of its pages
     */
    boolean read(Plan plan) {
        CsvFile file = plan.file();
        try (CsvRows rows = new CsvRows(file.name(), file.source(), config)) {
            RowRecords records = new RowRecords(config, rows.columns(), file.name(), file.updatedAt());
            long consumed = 0;
            while (consumed < plan.skip() && rows.hasNext()) {
                rows.next();
                consumed++;
            }
            Batch batch = new Batch(consumed);
            while (rows.hasNext()) {
                batch.add(records.map(rows.next()));
                consumed++;
                if (batch.size == config.pageSize() && rows.hasNext()) {
                    Map<String, String> checkpoint = new HashMap<>(plan.checkpoint());
                    checkpoint.put(CsvPosition.ROWS_CONSUMED, Long.toString(consumed));
                    if (!emit(file, batch, checkpoint, plan.cursor())) {
                        return false;
                    }
                    batch = new Batch(consumed);
                }
            }
            boolean lastOfRun = plan.done().isEmpty();
            if (batch.size == 0 && !lastOfRun) {
                return true;
            }
            boolean goOn = emit(file, batch, plan.done(), plan.cursor());
            return goOn || lastOfRun;
        }
    }

    /** A page with no rows, e.g. for a run with no file to read or a download answered 304. */
    void emitEmpty(String endpoint, String etag, Map<String, String> cursor, Map<String, Long> extraCounts) {
        Map<String, Long> counts = new HashMap<>(extraCounts);
        counts.putAll(requestCounts());
        sink.accept(new Page(List.of(), new PageRequestInfo(endpoint, Map.of(), "0", etag, Map.of(), clock.instant()),
                Map.of(), cursor, counts));
    }

    private boolean emit(CsvFile file, Batch batch, Map<String, String> checkpoint, Map<String, String> cursor) {
        PageRequestInfo request = new PageRequestInfo(file.endpoint(),
                Map.of("file_id", file.id(), "file_name", file.name()), "rows " + batch.from, file.etag(), Map.of(),
                clock.instant());
        sink.accept(new Page(new ArrayList<>(batch.records.values()), request, checkpoint, cursor, requestCounts(),
                batch.rejected));
        return !sink.stopRequested();
    }

    private Map<String, Long> requestCounts() {
        long sent = requestsSent.getAsLong();
        long delta = sent - requestsReported;
        requestsReported = sent;
        return delta == 0 ? Map.of() : Map.of(Page.REQUESTS, delta);
    }

    /** The rows of the page being filled. */
    private static final class Batch {

        final long from;
        final LinkedHashMap<String, SourceRecord> records = new LinkedHashMap<>();
        final List<RejectedRecord> rejected = new ArrayList<>();
        int size;

        Batch(long from) {
            this.from = from;
        }

        void add(RowRecords.Mapped mapped) {
            size++;
            if (mapped.rejected() != null) {
                rejected.add(mapped.rejected());
            } else {
                // The last row of an id wins, at its own position.
                records.remove(mapped.record().externalId());
                records.put(mapped.record().externalId(), mapped.record());
            }
        }
    }
}
