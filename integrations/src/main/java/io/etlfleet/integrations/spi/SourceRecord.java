package io.etlfleet.integrations.spi;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One complete source object as the source returned it.
 *
 * @param externalId the source's stable id for the object (issue number, key, primary key)
 * @param data       the complete object
 * @param json       the object's JSON text as the source sent it (whitespace between tokens
 *                   aside), stored as it is; null to store {@code data} written out
 * @param updatedAt  the source's last-modified time, when it has one
 */
public record SourceRecord(String externalId, JsonNode data, String json, Instant updatedAt) {

    public SourceRecord {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(data, "data");
    }

    public SourceRecord(String externalId, JsonNode data, Instant updatedAt) {
        this(externalId, data, null, updatedAt);
    }
}
