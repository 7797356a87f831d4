package io.etlfleet.integrations.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One page of source records, handed to the {@link PageSink} as the unit of commit.
 *
 * @param records     complete source objects on this page (may be empty)
 * @param request     how the page was fetched, stored with each record
 * @param checkpoint  where to resume after this page if the run is interrupted; empty
 *                    on the last page
 * @param cursor      the sync cursor to store when the run completes; carried on every
 *                    page (running value) and committed by the runtime with the last page
 * @param counts      counters the connector reports for this page, added to the job's counts
 *                    (e.g. {@value #REQUESTS}, {@value #NOT_MODIFIED}); may be empty
 * @param rejected    source records of this page the connector could not read, recorded on the
 *                    job with their reasons in the page's transaction; may be empty
 */
public record Page(
        List<SourceRecord> records,
        PageRequestInfo request,
        Map<String, String> checkpoint,
        Map<String, String> cursor,
        Map<String, Long> counts,
        List<RejectedRecord> rejected) {

    /** Requests sent to the source for this page. */
    public static final String REQUESTS = "requests";
    /** Responses that said "not modified" (304): they cost no budget and carry no records. */
    public static final String NOT_MODIFIED = "not_modified";

    public Page {
        records = List.copyOf(records);
        Objects.requireNonNull(request, "request");
        checkpoint = checkpoint == null ? Map.of() : Map.copyOf(checkpoint);
        cursor = cursor == null ? Map.of() : Map.copyOf(cursor);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public Page(List<SourceRecord> records, PageRequestInfo request, Map<String, String> checkpoint,
            Map<String, String> cursor, Map<String, Long> counts) {
        this(records, request, checkpoint, cursor, counts, List.of());
    }

    public Page(List<SourceRecord> records, PageRequestInfo request, Map<String, String> checkpoint,
            Map<String, String> cursor) {
        this(records, request, checkpoint, cursor, Map.of());
    }

    public boolean last() {
        return checkpoint.isEmpty();
    }
}
