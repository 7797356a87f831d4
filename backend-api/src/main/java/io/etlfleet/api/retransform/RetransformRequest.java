package io.etlfleet.api.retransform;

import java.time.Instant;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/retransforms}.
 *
 * @param entityType null for every entity type of the integration
 * @param from       raw rows extracted at or after this instant; null for no lower bound
 * @param to         raw rows extracted before this instant; null for no upper bound
 */
public record RetransformRequest(UUID integrationId, String entityType, Instant from, Instant to) {
}
