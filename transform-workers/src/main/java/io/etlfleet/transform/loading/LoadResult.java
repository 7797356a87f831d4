package io.etlfleet.transform.loading;

import java.util.List;
import java.util.Map;

/**
 * What a load did.
 *
 * @param upserted rows inserted or replaced by a newer version
 * @param stale    rows skipped because the warehouse already held the same or a newer version
 * @param skipped  raw objects that are not rows of this table (e.g. pull requests in an issue listing)
 * @param rejected raw objects that could not be mapped, with the reason; the rest still loads
 */
public record LoadResult(int upserted, int stale, int skipped, List<Rejected> rejected) {

    public LoadResult {
        rejected = List.copyOf(rejected);
    }

    public record Rejected(long rawId, String externalId, String reason) {
    }

    /** What two loads of parts of one batch did together. */
    public LoadResult plus(LoadResult other) {
        List<Rejected> both = new java.util.ArrayList<>(rejected);
        both.addAll(other.rejected);
        return new LoadResult(upserted + other.upserted, stale + other.stale, skipped + other.skipped, both);
    }

    public Map<String, Long> counts(int rawRows) {
        return Map.of(
                "raw_rows", (long) rawRows,
                "rows_upserted", (long) upserted,
                "rows_stale", (long) stale,
                "records_skipped", (long) skipped,
                "records_rejected", (long) rejected.size());
    }
}
