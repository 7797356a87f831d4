package io.etlfleet.storage.jobs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Status of an extract or transform job, with the one transition table every status
 * change goes through. {@code succeeded}, {@code failed}, {@code dead} and
 * {@code cancelled} are terminal.
 *
 * <ul>
 *   <li>{@code failed}: the job ran and failed permanently (bad credentials, bad config).
 *   <li>{@code dead}: retries were exhausted or the message was unusable; it is in a DLQ.
 *   <li>{@code retrying}: a retriable failure; the message waits in a retry tier.
 * </ul>
 */
public enum JobStatus {
    QUEUED, RUNNING, RETRYING, SUCCEEDED, FAILED, DEAD, CANCELLED;

    private static final Map<JobStatus, Set<JobStatus>> TRANSITIONS = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED, DEAD),
            // RUNNING -> QUEUED: a stopping or dead worker hands the job back at a page boundary.
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, DEAD, RETRYING, CANCELLED, QUEUED),
            RETRYING, EnumSet.of(RUNNING, CANCELLED, DEAD),
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            // A dead-lettered job can be replayed from its DLQ.
            DEAD, EnumSet.of(QUEUED),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    public boolean canTransitionTo(JobStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == DEAD || this == CANCELLED;
    }

    /** Statuses from which {@code target} may be reached; used in guarded SQL updates. */
    public static Set<JobStatus> sourcesOf(JobStatus target) {
        Set<JobStatus> sources = EnumSet.noneOf(JobStatus.class);
        TRANSITIONS.forEach((from, targets) -> {
            if (targets.contains(target)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /** Database and API spelling: lower case. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
