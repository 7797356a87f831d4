package io.etlfleet.api.schedules;

import io.etlfleet.storage.schedules.ScheduleRun;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One firing of a schedule: what it enqueued and what it skipped, and why. */
public record ScheduleRunResponse(Instant dueAt, Instant firedAt, String firedBy, String outcome, List<UUID> jobIds,
        List<String> skippedEntities, String reason) {

    static ScheduleRunResponse of(ScheduleRun run) {
        return new ScheduleRunResponse(run.dueAt(), run.firedAt(), run.firedBy(), run.outcome(), run.jobIds(),
                run.skippedEntities(), run.reason());
    }

    public record Listing(List<ScheduleRunResponse> runs) {
    }
}
