package io.etlfleet.api.workers;

/** The fleet-wide desired concurrency of a kind and type, as stored. */
public record TypeConcurrencyResponse(String kind, String type, int concurrency) {
}
