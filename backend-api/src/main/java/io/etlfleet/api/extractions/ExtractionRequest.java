package io.etlfleet.api.extractions;

import java.util.List;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/extractions}.
 *
 * @param entities entity types to extract; null means every entity type of the integration's type
 * @param mode     {@code incremental} (the default) or {@code full}
 */
public record ExtractionRequest(UUID integrationId, List<String> entities, String mode) {
}
