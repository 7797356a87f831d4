package io.etlfleet.api.schedules;

import io.etlfleet.storage.schedules.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A schedule as the API shows it; {@code entities} empty means every entity type of the integration. */
public record ScheduleResponse(UUID id, UUID tenantId, UUID integrationId, String cron, List<String> entities,
        String mode, boolean enabled, Instant nextRunAt, Instant lastRunAt, Instant createdAt) {

    static ScheduleResponse of(Schedule schedule) {
        return new ScheduleResponse(schedule.id(), schedule.tenantId(), schedule.integrationId(), schedule.cron(),
                schedule.entities(), schedule.mode(), schedule.enabled(), schedule.nextRunAt(), schedule.lastRunAt(),
                schedule.createdAt());
    }

    public record Listing(List<ScheduleResponse> schedules) {
    }
}
