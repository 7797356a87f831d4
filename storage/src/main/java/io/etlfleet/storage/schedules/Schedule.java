package io.etlfleet.storage.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code etl.schedules}: extract an integration's entities whenever its cron is due.
 *
 * @param entities  entity types to extract; empty means every entity type of the integration
 * @param nextRunAt when it is next due; null while disabled
 * @param lastRunAt when it last fired (whether it enqueued or skipped); null before the first
 */
public record Schedule(
        UUID id,
        UUID tenantId,
        UUID integrationId,
        String cron,
        List<String> entities,
        String mode,
        boolean enabled,
        Instant nextRunAt,
        Instant lastRunAt,
        Instant createdAt,
        Instant updatedAt) {

    public Schedule {
        entities = List.copyOf(entities);
    }
}
