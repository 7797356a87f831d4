package io.etlfleet.storage.retransform;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Which stored raw rows a re-transform covers: one integration's, optionally of one entity type
 * and extracted in {@code [from, to)}.
 *
 * @param entityType null for every entity type
 * @param from       null for no lower bound (inclusive)
 * @param to         null for no upper bound (exclusive)
 */
public record RawSelection(UUID tenantId, UUID integrationId, String entityType, Instant from, Instant to) {

    public RawSelection {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(integrationId, "integrationId");
    }
}
