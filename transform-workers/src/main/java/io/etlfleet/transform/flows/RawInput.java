package io.etlfleet.transform.flows;

import tools.jackson.databind.JsonNode;

/**
 * One raw object version to load.
 *
 * @param rawId      its {@code raw_extraction_data} id; a newer version of the same source object has a greater one
 * @param externalId the source's id for it, carried into rejections
 * @param data       the object as the source sent it (parse with
 *                   {@link io.etlfleet.storage.flows.RowMapper#readRaw(String)} to keep decimals exact)
 */
public record RawInput(long rawId, String externalId, JsonNode data) {
}
