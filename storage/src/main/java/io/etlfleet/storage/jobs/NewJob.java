package io.etlfleet.storage.jobs;

import java.util.Objects;
import java.util.UUID;

/** A job to insert with status {@code queued}. */
public record NewJob(
        UUID id,
        JobKind kind,
        UUID tenantId,
        UUID integrationId,
        String integrationType,
        String entityType,
        String mode,
        UUID parentId,
        UUID batchId) {

    public NewJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(integrationType, "integrationType");
        Objects.requireNonNull(entityType, "entityType");
    }

    public static NewJob extract(UUID tenantId, UUID integrationId, String integrationType, String entityType, String mode) {
        return new NewJob(UUID.randomUUID(), JobKind.EXTRACT, tenantId, integrationId, integrationType, entityType, mode,
                null, null);
    }

    public static NewJob transform(UUID parentId, UUID tenantId, UUID integrationId, String integrationType,
            String entityType, UUID batchId) {
        return new NewJob(UUID.randomUUID(), JobKind.TRANSFORM, tenantId, integrationId, integrationType, entityType,
                null, parentId, batchId);
    }
}
