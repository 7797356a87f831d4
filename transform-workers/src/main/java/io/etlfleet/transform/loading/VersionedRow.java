package io.etlfleet.transform.loading;

import java.time.Instant;

/**
 * A warehouse row that carries its source version: the source's last-modified time, then the
 * raw row id as tie-breaker. Accessor names are the column names.
 */
@SuppressWarnings("checkstyle:MethodName")
public interface VersionedRow {

    Instant source_updated_at();

    long raw_id();
}
