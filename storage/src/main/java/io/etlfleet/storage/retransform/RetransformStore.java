package io.etlfleet.storage.retransform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Finds the raw rows a re-transform covers, in batches per entity type, streaming ids so a
 * large range is never held in memory at once beyond one batch.
 */
public class RetransformStore {

    /** Records which raw rows a re-transform job covers, in the caller's transaction. */
    public void recordJob(Handle handle, UUID jobId, List<Long> rawIds) {
        handle.createUpdate("insert into etl.retransform_jobs (job_id, raw_ids) values (:jobId, :rawIds)")
                .bind("jobId", jobId)
                .bindArray("rawIds", Long.class, rawIds)
                .execute();
    }

    /** The raw rows of a re-transform job; empty for any other job. */
    public Optional<List<Long>> rawIds(Jdbi jdbi, UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery("select raw_ids from etl.retransform_jobs where job_id = :jobId")
                .bind("jobId", jobId)
                .map((rs, ctx) -> List.of((Long[]) rs.getArray("raw_ids").getArray()))
                .findOne());
    }

    /**
     * Hands {@code batch} the ids of the selected raw rows, {@code batchSize} at a time, each
     * batch of one entity type, in entity type and id order.
     *
     * @return how many raw rows were selected
     */
    public long forEachBatch(Handle handle, RawSelection selection, int batchSize, BiConsumer<String, List<Long>> batch) {
        List<Long> ids = new ArrayList<>(batchSize);
        String[] current = {null};
        long[] total = {0};
        handle.createQuery("""
                        select entity_type, id from etl.raw_extraction_data
                         where tenant_id = :tenantId and integration_id = :integrationId
                           and (cast(:entityType as text) is null or entity_type = :entityType)
                           and (cast(:from as timestamptz) is null or extracted_at >= :from)
                           and (cast(:to as timestamptz) is null or extracted_at < :to)
                         order by entity_type, id""")
                .bind("tenantId", selection.tenantId())
                .bind("integrationId", selection.integrationId())
                .bind("entityType", selection.entityType())
                .bind("from", selection.from())
                .bind("to", selection.to())
                .setFetchSize(batchSize)
                .map((rs, ctx) -> new Object[] {rs.getString("entity_type"), rs.getLong("id")})
                .forEach(row -> {
                    String entity = (String) row[0];
                    if (current[0] != null && (!current[0].equals(entity) || ids.size() == batchSize)) {
                        batch.accept(current[0], List.copyOf(ids));
                        ids.clear();
                    }
                    current[0] = entity;
                    ids.add((Long) row[1]);
                    total[0]++;
                });
        if (!ids.isEmpty()) {
            batch.accept(current[0], List.copyOf(ids));
        }
        return total[0];
    }
}
