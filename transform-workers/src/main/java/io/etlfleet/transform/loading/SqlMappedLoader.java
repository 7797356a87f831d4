package io.etlfleet.transform.loading;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * A loader that maps the well-formed objects of a raw batch in SQL, straight from the raw
 * store into the warehouse in one statement, with no round trip of the objects through the
 * worker. "Well-formed" is a strict predicate over the stored JSON under which the SQL mapping
 * gives exactly the rows {@link #load} would; every other object of the batch (a field missing
 * or of another type, text stored in the lossless form because it holds NUL) is left to
 * {@link #load}, which rejects what cannot be mapped with its reason.
 */
public interface SqlMappedLoader extends EntityLoader {

    /** Loads the well-formed objects of {@code batchId} in the caller's transaction. */
    SqlLoad loadInSql(Handle handle, UUID batchId);

    /**
     * @param result    what the statement did (its rejected list is always empty)
     * @param handled   raw ids of the objects it covered; the rest of the batch goes to {@link #load}
     * @param batchSize how many objects the batch holds: when all are handled, none is left to read
     */
    record SqlLoad(LoadResult result, List<Long> handled, int batchSize) {

        public boolean coversTheBatch() {
            return handled.size() >= batchSize;
        }
    }
}
