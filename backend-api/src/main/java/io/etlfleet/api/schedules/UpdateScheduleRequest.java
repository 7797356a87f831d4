package io.etlfleet.api.schedules;

import java.util.List;

/** Body of {@code PATCH /api/v1/schedules/{id}}: the fields given replace the stored ones. */
public record UpdateScheduleRequest(String cron, List<String> entities, String mode, Boolean enabled) {
}
