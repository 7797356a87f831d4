package io.etlfleet.api.workers;

/** Body of {@code PUT /worker-types/{kind}/{type}/concurrency}: the fleet-wide consumers per worker. */
public record TypeConcurrencyRequest(Integer concurrency) {
}
