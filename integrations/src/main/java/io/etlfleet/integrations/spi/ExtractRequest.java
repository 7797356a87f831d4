package io.etlfleet.integrations.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One extraction run of one entity type and scope.
 *
 * @param entityType  e.g. {@code github_issues}
 * @param scope       repository, project or table; empty when the entity has no scope
 * @param mode        incremental or full
 * @param cursor      the committed sync cursor from the last successful run (empty when
 *                    none, always empty in full mode); opaque to the runtime
 * @param resumeFrom  the checkpoint of the last committed page of an interrupted run of the
 *                    same job (empty for a fresh run); opaque to the runtime
 * @param startedAt   when the run started; connectors use it as the upper bound of the run
 */
public record ExtractRequest(
        String entityType,
        String scope,
        SyncMode mode,
        Map<String, String> cursor,
        Map<String, String> resumeFrom,
        Instant startedAt) {

    public ExtractRequest {
        Objects.requireNonNull(entityType, "entityType");
        scope = scope == null ? "" : scope;
        Objects.requireNonNull(mode, "mode");
        cursor = mode == SyncMode.FULL || cursor == null ? Map.of() : Map.copyOf(cursor);
        resumeFrom = resumeFrom == null ? Map.of() : Map.copyOf(resumeFrom);
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean resuming() {
        return !resumeFrom.isEmpty();
    }
}
