package io.etlfleet.storage.raw;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/** Writes and reads {@code etl.raw_extraction_data}. */
public class RawStore {

    private static final String ROW_COLUMNS = """
            id, tenant_id, integration_id, entity_type, external_id, raw_data::text as raw_json,
            extraction_metadata->>'lossless' as lossless, source_updated_at, batch_id, extracted_at""";

    private final Jdbi jdbi;

    public RawStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts the batch in one statement (the objects as one JSON array, their ids and hashes as
     * arrays, all unnested server-side: not a round trip per record). An object whose content hash is already stored is skipped. Fails whole when
     * PostgreSQL refuses any record; {@link #store} isolates such records instead.
     *
     * @return how many records were new
     */
    public int insert(Handle handle, RawBatch batch) {
        return insertRecords(handle, batch, batch.records());
    }

    /**
     * Like {@link #insert}, but a record PostgreSQL refuses (a data error such as a number
     * beyond {@code numeric}'s range) is left out with the reason and the rest of the batch is
     * stored: the batch is tried in one statement first and, only when that fails on data,
     * record by record, each under its own savepoint.
     */
    public RawInsert store(Handle handle, RawBatch batch) {
        if (batch.records().isEmpty()) {
            return new RawInsert(0, List.of());
        }
        try {
            return new RawInsert(underSavepoint(handle, () -> insertRecords(handle, batch, batch.records())), List.of());
        } catch (RefusedData whole) {
            int stored = 0;
            List<RawInsert.Rejected> rejected = new ArrayList<>();
            for (NewRawRecord record : batch.records()) {
                try {
                    stored += underSavepoint(handle, () -> insertRecords(handle, batch, List.of(record)));
                } catch (RefusedData e) {
                    rejected.add(new RawInsert.Rejected(record.externalId(), e.getMessage()));
                }
            }
            return new RawInsert(stored, rejected);
        }
    }

    private static int underSavepoint(Handle handle, java.util.function.IntSupplier work) {
        String name = "raw_" + UUID.randomUUID().toString().replace("-", "");
        handle.savepoint(name);
        try {
            int result = work.getAsInt();
            handle.releaseSavepoint(name);
            return result;
        } catch (StatementException e) {
            SQLException cause = e.getCause() instanceof SQLException sql ? sql : null;
            String state = cause == null ? null : cause.getSQLState();
            if (state == null || !(state.startsWith("22") || state.startsWith("54"))) {
                throw e;
            }
            handle.rollbackToSavepoint(name);
            throw new RefusedData("PostgreSQL refused the object (SQLSTATE " + state + "): "
                    + firstLine(cause.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A data error PostgreSQL raised for the records of one statement. */
    private static final class RefusedData extends RuntimeException {
        RefusedData(String message) {
            super(message, null, false, false);
        }
    }

    private static int insertRecords(Handle handle, RawBatch batch, List<NewRawRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        int size = records.size();
        String[] ids = new String[size];
        String[] hashes = new String[size];
        String[] updated = new String[size];
        String[] lossless = new String[size];
        // The objects travel as one JSON array that PostgreSQL parses once: a text[] parameter
        // would make the driver escape every quote of every object.
        StringBuilder docs = new StringBuilder(records.stream().mapToInt(r -> r.json().length() + 1).sum() + 2).append('[');
        for (int i = 0; i < size; i++) {
            NewRawRecord record = records.get(i);
            ids[i] = record.externalId();
            hashes[i] = record.contentHash();
            updated[i] = record.sourceUpdatedAt() == null ? null : record.sourceUpdatedAt().toString();
            lossless[i] = record.losslessMetadata();
            docs.append(i == 0 ? "" : ",").append(record.json());
        }
        return handle.createUpdate("""
                        insert into etl.raw_extraction_data
                               (tenant_id, integration_id, entity_type, external_id, raw_data, extraction_metadata,
                                content_hash, source_updated_at, job_id, batch_id)
                        select :tenantId, :integrationId, :entityType, r.external_id, d.doc,
                               case when r.lossless is null then cast(:metadata as jsonb)
                                    else cast(:metadata as jsonb) || jsonb_build_object('lossless', cast(r.lossless as jsonb))
                               end,
                               decode(r.hash, 'hex'), r.updated, :jobId, :batchId
                          from jsonb_array_elements(cast(:docs as jsonb)) with ordinality as d(doc, n)
                          join unnest(:ids, :hashes, cast(:updated as timestamptz[]), :lossless) with ordinality
                               as r(external_id, hash, updated, lossless, n) using (n)
                         order by n
                        on conflict (integration_id, entity_type, external_id, content_hash) do nothing""")
                .bind("tenantId", batch.tenantId())
                .bind("integrationId", batch.integrationId())
                .bind("entityType", batch.entityType())
                .bind("metadata", batch.metadataJson())
                .bind("jobId", batch.jobId())
                .bind("batchId", batch.batchId())
                .bind("docs", docs.append(']').toString())
                .bindArray("ids", String.class, (Object[]) ids)
                .bindArray("hashes", String.class, (Object[]) hashes)
                .bindArray("updated", String.class, (Object[]) updated)
                .bindArray("lossless", String.class, (Object[]) lossless)
                .execute();
    }

    public List<RawRow> batch(Handle handle, UUID batchId) {
        return handle.createQuery("select " + ROW_COLUMNS + " from etl.raw_extraction_data where batch_id = :batchId order by id")
                .bind("batchId", batchId)
                .map(RawRowMapper.INSTANCE)
                .list();
    }

    /** The rows of a batch except {@code handled}, e.g. those a loader already mapped in SQL. */
    public List<RawRow> batchExcept(Handle handle, UUID batchId, List<Long> handled) {
        return handle.createQuery("select " + ROW_COLUMNS + """
                         from etl.raw_extraction_data
                        where batch_id = :batchId and id <> all(:handled) order by id""")
                .bind("batchId", batchId)
                .bindArray("handled", Long.class, handled)
                .map(RawRowMapper.INSTANCE)
                .list();
    }

    public List<RawRow> byIds(Handle handle, List<Long> ids) {
        return handle.createQuery("select " + ROW_COLUMNS + " from etl.raw_extraction_data where id = any(:ids) order by id")
                .bindArray("ids", Long.class, ids)
                .map(RawRowMapper.INSTANCE)
                .list();
    }

    /**
     * Records that the batches were transformed (once per batch, not per raw row); a raw object
     * counts as transformed when its batch is recorded. Recording a batch again changes nothing.
     *
     * @return how many batches were newly recorded
     */
    public int markBatchesLoaded(Handle handle, List<UUID> batchIds) {
        if (batchIds.isEmpty()) {
            return 0;
        }
        return handle.createUpdate("""
                        insert into etl.raw_batch_loads (batch_id)
                        select distinct b from unnest(:ids) as b
                        on conflict (batch_id) do nothing""")
                .bindArray("ids", UUID.class, batchIds)
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
