package io.etlfleet.integrations.contract;

import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link PageSink} that keeps every page, optionally asking to stop after a number of pages. */
public final class RecordingSink implements PageSink {

    private final List<Page> pages = new ArrayList<>();
    private final int stopAfterPages;

    private RecordingSink(int stopAfterPages) {
        this.stopAfterPages = stopAfterPages;
    }

    public static RecordingSink all() {
        return new RecordingSink(Integer.MAX_VALUE);
    }

    public static RecordingSink stoppingAfter(int pages) {
        return new RecordingSink(pages);
    }

    @Override
    public void accept(Page page) {
        pages.add(page);
    }

    @Override
    public boolean stopRequested() {
        return pages.size() >= stopAfterPages;
    }

    public List<Page> pages() {
        return pages;
    }

    public List<SourceRecord> records() {
        return pages.stream().flatMap(p -> p.records().stream()).toList();
    }

    public List<String> externalIds() {
        return records().stream().map(SourceRecord::externalId).toList();
    }

    public Page lastPage() {
        return pages.get(pages.size() - 1);
    }

    /** The cursor the runtime would commit: the last page's. */
    public Map<String, String> committedCursor() {
        return lastPage().cursor();
    }
}
