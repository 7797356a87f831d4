package io.etlfleet.storage.raw;

import java.util.List;
import java.util.UUID;

/**
 * Records of one page, stored in one statement under one batch id.
 *
 * @param metadataJson extraction metadata shared by the page's records (endpoint, params,
 *                     page cursor, ETag, rate-limit headers, job id)
 */
public record RawBatch(UUID batchId, UUID jobId, UUID tenantId, UUID integrationId, String entityType,
        String metadataJson, List<NewRawRecord> records) {

    public RawBatch {
        records = List.copyOf(records);
    }
}
