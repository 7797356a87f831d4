package io.etlfleet.api.schedules;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/schedules}.
 *
 * @param entities entity types to extract; null or empty means every entity type of the integration
 * @param mode     {@code incremental} (the default) or {@code full}
 * @param enabled  true (the default) to fire when due
 */
public record CreateScheduleRequest(UUID integrationId, String cron, List<String> entities, String mode,
        Boolean enabled) {
}
