package io.etlfleet.transform.loading;

import io.etlfleet.storage.raw.RawRow;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Maps the raw rows of one entity type to warehouse rows and loads them idempotently in the
 * caller's transaction: loading the same rows again changes nothing, and a row never
 * replaces a newer version of the same object (compared by source updated_at, then raw id).
 */
public interface EntityLoader {

    /** The entity type this loader handles, e.g. {@code github_issues}. */
    String entityType();

    LoadResult load(Handle handle, List<RawRow> rows);
}
