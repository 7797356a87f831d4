package io.etlfleet.queue.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Body of a message on {@code etl.transform.<type>}: transform the raw rows of one batch
 * (or an explicit list of raw row ids, for re-transforms). Never carries payloads.
 * The AMQP {@code message_id} is {@link #jobId()}.
 */
public record TransformJobMessage(
        @JsonProperty("v") int version,
        @JsonProperty("job_id") UUID jobId,
        @JsonProperty("parent_job_id") UUID parentJobId,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("integration_id") UUID integrationId,
        @JsonProperty("integration_type") String integrationType,
        @JsonProperty("entity_type") String entityType,
        @JsonProperty("batch_id") UUID batchId,
        @JsonProperty("raw_ids") List<Long> rawIds) implements JobMessage {

    public TransformJobMessage {
        Objects.requireNonNull(jobId, "job_id");
        Objects.requireNonNull(tenantId, "tenant_id");
        Objects.requireNonNull(integrationId, "integration_id");
        Objects.requireNonNull(integrationType, "integration_type");
        Objects.requireNonNull(entityType, "entity_type");
        if (batchId == null && (rawIds == null || rawIds.isEmpty())) {
            throw new IllegalArgumentException("batch_id or raw_ids is required");
        }
        rawIds = rawIds == null ? null : List.copyOf(rawIds);
    }

    public static TransformJobMessage forBatch(UUID jobId, UUID parentJobId, UUID tenantId, UUID integrationId,
            String integrationType, String entityType, UUID batchId) {
        return new TransformJobMessage(JobMessage.CURRENT_VERSION, jobId, parentJobId, tenantId, integrationId,
                integrationType, entityType, batchId, null);
    }
}
