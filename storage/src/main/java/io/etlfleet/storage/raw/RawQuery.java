package io.etlfleet.storage.raw;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for browsing raw objects, newest first (by id). Null fields do not filter.
 *
 * @param tenantId  restricts to one tenant (always set for tenant callers)
 * @param from      extracted at or after
 * @param to        extracted before
 * @param beforeId  keyset paging: only rows with a smaller id
 */
public record RawQuery(UUID tenantId, UUID integrationId, String entityType, String externalId, Instant from,
        Instant to, Long beforeId, int limit) {

    public static final int MAX_LIMIT = 500;

    public RawQuery {
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
