package io.etlfleet.transform.loading;

import io.etlfleet.storage.raw.RawRow;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * For integration types whose objects have no built-in warehouse table (csv, rest): the raw
 * objects stay as they were stored, counted as skipped, and the batch is recorded as loaded.
 */
public final class RawOnlyLoader implements EntityLoader {

    private final String integrationType;

    public RawOnlyLoader(String integrationType) {
        this.integrationType = integrationType;
    }

    /** The integration type, as this loader serves every entity of it. */
    @Override
    public String entityType() {
        return integrationType;
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        return new LoadResult(0, 0, rows.size(), List.of());
    }
}
