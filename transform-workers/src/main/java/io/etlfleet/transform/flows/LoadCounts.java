package io.etlfleet.transform.flows;

import java.util.List;

/**
 * What one {@link FlowTableLoader#load} did.
 *
 * @param read     raw objects given
 * @param written  rows sent to the table: the mapped objects, one per key (the newest) when the
 *                 flow merges by key, one per raw id otherwise. A row the table already held
 *                 at a newer raw version, or (append) at the same raw id, counts too: the
 *                 statement leaves it as it was
 * @param rejected objects that could not be mapped or stored, with the reason
 */
public record LoadCounts(int read, int written, List<RowRejection> rejected) {

    public LoadCounts {
        rejected = List.copyOf(rejected);
    }
}
