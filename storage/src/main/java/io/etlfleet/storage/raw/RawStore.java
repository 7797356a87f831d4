package io.etlfleet.storage.raw;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Writes and reads {@code etl.raw_extraction_data}. */
public class RawStore {

    private static final String ROW_COLUMNS = """
            id, tenant_id, integration_id, entity_type, external_id, raw_data::text as raw_json,
            source_updated_at, batch_id, extracted_at""";

    private final Jdbi jdbi;

    public RawStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts the batch in one statement (arrays unnested server-side, not a round trip per
     * record). An object whose content hash is already stored is skipped.
     *
     * @return how many records were new
     */
    public int insert(Handle handle, RawBatch batch) {
        if (batch.records().isEmpty()) {
            return 0;
        }
        int size = batch.records().size();
        String[] ids = new String[size];
        String[] json = new String[size];
        String[] hashes = new String[size];
        String[] updated = new String[size];
        for (int i = 0; i < size; i++) {
            NewRawRecord record = batch.records().get(i);
            ids[i] = record.externalId();
            json[i] = record.json();
            hashes[i] = record.contentHash();
            updated[i] = record.sourceUpdatedAt() == null ? null : record.sourceUpdatedAt().toString();
        }
        return handle.createUpdate("""
                        insert into etl.raw_extraction_data
                               (tenant_id, integration_id, entity_type, external_id, raw_data, extraction_metadata,
                                content_hash, source_updated_at, job_id, batch_id)
                        select :tenantId, :integrationId, :entityType, r.external_id, cast(r.raw as jsonb),
                               cast(:metadata as jsonb), decode(r.hash, 'hex'), r.updated, :jobId, :batchId
                          from unnest(:ids, :json, :hashes, cast(:updated as timestamptz[])) as r(external_id, raw, hash, updated)
                        on conflict (integration_id, entity_type, external_id, content_hash) do nothing""")
                .bind("tenantId", batch.tenantId())
                .bind("integrationId", batch.integrationId())
                .bind("entityType", batch.entityType())
                .bind("metadata", batch.metadataJson())
                .bind("jobId", batch.jobId())
                .bind("batchId", batch.batchId())
                .bindArray("ids", String.class, (Object[]) ids)
                .bindArray("json", String.class, (Object[]) json)
                .bindArray("hashes", String.class, (Object[]) hashes)
                .bindArray("updated", String.class, (Object[]) updated)
                .execute();
    }

    public List<RawRow> batch(Handle handle, UUID batchId) {
        return handle.createQuery("select " + ROW_COLUMNS + " from etl.raw_extraction_data where batch_id = :batchId order by id")
                .bind("batchId", batchId)
                .map(RawRowMapper.INSTANCE)
                .list();
    }

    public List<RawRow> byIds(Handle handle, List<Long> ids) {
        return handle.createQuery("select " + ROW_COLUMNS + " from etl.raw_extraction_data where id = any(:ids) order by id")
                .bindArray("ids", Long.class, ids)
                .map(RawRowMapper.INSTANCE)
                .list();
    }

    public int markTransformed(Handle handle, List<Long> ids) {
        return handle.createUpdate("update etl.raw_extraction_data set transformed_at = now() where id = any(:ids)")
                .bindArray("ids", Long.class, ids)
                .execute();
    }

    public long count(UUID integrationId, String entityType) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.raw_extraction_data
                         where integration_id = :integrationId and entity_type = :entityType""")
                .bind("integrationId", integrationId)
                .bind("entityType", entityType)
                .mapTo(Long.class)
                .one());
    }
}
