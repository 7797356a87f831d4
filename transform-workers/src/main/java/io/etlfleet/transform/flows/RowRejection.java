package io.etlfleet.transform.flows;

/** A raw object that did not become a row, and why (naming the mapping at fault). */
public record RowRejection(long rawId, String externalId, String reason) {
}
