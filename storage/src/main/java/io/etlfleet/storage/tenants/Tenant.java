package io.etlfleet.storage.tenants;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code etl.tenants}: an organisation whose integrations and jobs are kept apart. */
public record Tenant(UUID id, String name, Instant createdAt) {
}
