package io.etlfleet.storage.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code etl.etl_jobs}.
 *
 * @param checkpoint JSON the worker wrote with its last committed page; null before the first
 * @param counts     named counters (records fetched, stored, loaded, ...)
 * @param cancelRequestedAt when a user asked a running job to stop; its worker stops at the
 *                   next page boundary
 */
public record Job(
        UUID id,
        JobKind kind,
        UUID tenantId,
        UUID integrationId,
        String integrationType,
        String entityType,
        String mode,
        UUID parentId,
        UUID batchId,
        JobStatus status,
        int attempts,
        Map<String, Long> counts,
        String checkpoint,
        String error,
        String workerId,
        Instant heartbeatAt,
        int version,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        Instant cancelRequestedAt) {
}
