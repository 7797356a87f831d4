package io.etlfleet.storage.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for listing jobs, newest first. Null fields do not filter.
 *
 * @param tenantId      restricts to one tenant (always set for tenant callers)
 * @param createdBefore keyset paging by job id: only jobs created strictly before this job
 * @param cursor        keyset paging by position: only jobs strictly after it in the order
 */
public record JobQuery(UUID tenantId, UUID integrationId, JobStatus status, JobKind kind, String entityType,
        UUID createdBefore, Cursor cursor, int limit) {

    public static final int MAX_LIMIT = 500;

    public JobQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public JobQuery(UUID tenantId, UUID integrationId, JobStatus status, JobKind kind, String entityType,
            UUID createdBefore, int limit) {
        this(tenantId, integrationId, status, kind, entityType, createdBefore, null, limit);
    }

    /** The position of the last job of a page: its creation time and id. */
    public record Cursor(Instant createdAt, UUID id) {
    }
}
