package io.etlfleet.storage.retention;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Purges superseded raw rows in batches. A row goes only when all of this holds: it was
 * transformed; it was extracted before the cutoff; and a newer version of the same object
 * (integration, entity type, external id) exists that was transformed too, newer in the order
 * the loaders use ({@code source_updated_at}, then raw id). So the newest version of every
 * object stays, an untransformed row always stays, and so does the version the warehouse row
 * points at until a newer one has been loaded.
 *
 * <p>Each batch is its own transaction holding a transaction-scoped advisory lock; a batch
 * finding the lock taken (another API instance is purging) deletes nothing and reports so.
 */
public class RawRetention {

    static final long LOCK_KEY = 0x6574_6c2e_7261_7721L; // "etl.raw!"

    private final Jdbi jdbi;

    public RawRetention(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Deletes up to {@code batchSize} purgeable rows extracted before {@code cutoff}.
     *
     * @return how many rows were deleted, or -1 when another instance holds the purge lock
     */
    public int purgeBatch(Instant cutoff, int batchSize) {
        return jdbi.inTransaction(h -> {
            boolean locked = h.createQuery("select pg_try_advisory_xact_lock(:key)")
                    .bind("key", LOCK_KEY)
                    .mapTo(Boolean.class)
                    .one();
            if (!locked) {
                return -1;
            }
            return h.createUpdate("""
                            delete from etl.raw_extraction_data
                             where id in (
                                   select r.id from etl.raw_extraction_data r
                                    where exists (select 1 from etl.raw_batch_loads l where l.batch_id = r.batch_id)
                                      and r.extracted_at < :cutoff
                                      and exists (
                                          select 1 from etl.raw_extraction_data newer
                                           where newer.integration_id = r.integration_id
                                             and newer.entity_type = r.entity_type
                                             and newer.external_id = r.external_id
                                             and exists (select 1 from etl.raw_batch_loads l
                                                          where l.batch_id = newer.batch_id)
                                             and (coalesce(newer.source_updated_at, '-infinity'), newer.id)
                                                 > (coalesce(r.source_updated_at, '-infinity'), r.id))
                                    order by r.id
                                    limit :limit
                                    for update of r skip locked)""")
                    .bind("cutoff", cutoff)
                    .bind("limit", batchSize)
                    .execute();
        });
    }
}
