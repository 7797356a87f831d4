package io.etlfleet.storage.schedules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One firing of a schedule, from {@code etl.schedule_runs}.
 *
 * @param dueAt           the due time that fired; unique per schedule
 * @param firedBy         the API instance that fired it
 * @param outcome         {@code enqueued} when at least one job was enqueued, else {@code skipped}
 * @param skippedEntities entity types not enqueued because their previous run was still active
 * @param reason          why entities were skipped, or null
 */
public record ScheduleRun(
        long id,
        UUID scheduleId,
        Instant dueAt,
        Instant firedAt,
        String firedBy,
        String outcome,
        List<UUID> jobIds,
        List<String> skippedEntities,
        String reason) {

    public static final String ENQUEUED = "enqueued";
    public static final String SKIPPED = "skipped";

    public ScheduleRun {
        jobIds = List.copyOf(jobIds);
        skippedEntities = List.copyOf(skippedEntities);
    }
}
