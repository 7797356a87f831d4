package io.etlfleet.transform.loading;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.raw.RawRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The rows one load writes: every raw object mapped to at most one row, only the newest
 * version of each key kept (one upsert statement cannot touch a key twice), and the objects
 * that could not be mapped, with the reason. A bad object never stops the rest of the batch.
 *
 * @param <R> the row record; its component names are the target's column names, so the rows
 *            serialise straight into the statement's {@code jsonb_to_recordset(cast(:rows as jsonb))}
 */
public final class RowBatch<R extends VersionedRow> {

    /** Newer by source updated_at, then raw id. */
    private static final Comparator<VersionedRow> NEWER = Comparator
            .comparing(VersionedRow::source_updated_at)
            .thenComparingLong(VersionedRow::raw_id);

    /** Maps one raw object to its row. */
    @FunctionalInterface
    public interface Mapper<R> {

        /**
         * @return the row, or {@code null} when the object is not a row of this table
         * @throws IllegalArgumentException when a required field is missing or malformed
         */
        R map(RawRow raw, JsonNode object);
    }

    private final Map<Object, R> newest = new LinkedHashMap<>();
    private final List<LoadResult.Rejected> rejected = new ArrayList<>();
    private final List<RawRow> raw;
    private int skipped;

    private RowBatch(List<RawRow> raw) {
        this.raw = raw;
    }

    public static <R extends VersionedRow> RowBatch<R> map(List<RawRow> rows, Mapper<R> mapper, Function<R, ?> key) {
        RowBatch<R> batch = new RowBatch<>(rows);
        for (RawRow raw : rows) {
            try {
                R row = mapper.map(raw, JsonColumns.MAPPER.readTree(raw.rawJson()));
                if (row == null) {
                    batch.skipped++;
                } else {
                    batch.newest.merge(key.apply(row), row, (a, b) -> NEWER.compare(a, b) >= 0 ? a : b);
                }
            } catch (IllegalArgumentException | JacksonException e) {
                batch.rejected.add(new LoadResult.Rejected(raw.id(), raw.externalId(), e.getMessage()));
            }
        }
        return batch;
    }

    public Collection<R> rows() {
        return newest.values();
    }

    /**
     * Runs {@code sql} once for all rows, binding {@code :tenantId}, {@code :integrationId}
     * (the batch's) and {@code :rows} (the rows as a JSON array), and reports what it did.
     * The statement must count only the rows it inserted or replaced.
     */
    public LoadResult upsert(Handle handle, String sql) {
        if (newest.isEmpty()) {
            return new LoadResult(0, 0, skipped, rejected);
        }
        int upserted = handle.createUpdate(sql)
                .bind("tenantId", raw.get(0).tenantId())
                .bind("integrationId", raw.get(0).integrationId())
                .bind("rows", WarehouseJson.write(newest.values()))
                .execute();
        return new LoadResult(upserted, newest.size() - upserted, skipped, rejected);
    }
}
