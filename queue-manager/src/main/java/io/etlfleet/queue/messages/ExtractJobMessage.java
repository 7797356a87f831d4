package io.etlfleet.queue.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Body of a message on {@code etl.extract.<type>}: run one extract job.
 * The AMQP {@code message_id} is {@link #jobId()}.
 *
 * @param scope repository, project or table; null means every scope the integration configures
 */
public record ExtractJobMessage(
        @JsonProperty("v") int version,
        @JsonProperty("job_id") UUID jobId,
        @JsonProperty("tenant_id") UUID tenantId,
        @JsonProperty("integration_id") UUID integrationId,
        @JsonProperty("integration_type") String integrationType,
        @JsonProperty("entity_type") String entityType,
        @JsonProperty("mode") String mode,
        @JsonProperty("scope") String scope,
        @JsonProperty("requested_at") Instant requestedAt) implements JobMessage {

    public ExtractJobMessage {
        Objects.requireNonNull(jobId, "job_id");
        Objects.requireNonNull(tenantId, "tenant_id");
        Objects.requireNonNull(integrationId, "integration_id");
        Objects.requireNonNull(integrationType, "integration_type");
        Objects.requireNonNull(entityType, "entity_type");
        Objects.requireNonNull(mode, "mode");
        if (!mode.equals("incremental") && !mode.equals("full")) {
            throw new IllegalArgumentException("mode must be incremental or full, was " + mode);
        }
    }

    public static ExtractJobMessage of(UUID jobId, UUID tenantId, UUID integrationId, String integrationType,
            String entityType, String mode, String scope) {
        return new ExtractJobMessage(JobMessage.CURRENT_VERSION, jobId, tenantId, integrationId, integrationType,
                entityType, mode, scope, Instant.now());
    }
}
