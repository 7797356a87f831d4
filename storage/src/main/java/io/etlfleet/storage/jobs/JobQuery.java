package io.etlfleet.storage.jobs;

import java.util.UUID;

/**
 * Filters for listing jobs, newest first. Null fields do not filter.
 *
 * @param tenantId      restricts to one tenant (always set for tenant callers)
 * @param createdBefore keyset paging: only jobs created strictly before this job's position
 */
public record JobQuery(UUID tenantId, UUID integrationId, JobStatus status, JobKind kind, String entityType,
        UUID createdBefore, int limit) {

    public static final int MAX_LIMIT = 500;

    public JobQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
