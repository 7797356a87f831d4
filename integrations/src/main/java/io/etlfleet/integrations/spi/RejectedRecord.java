package io.etlfleet.integrations.spi;

import java.util.Objects;

/**
 * A source record the connector could read but not turn into an object (a malformed CSV line,
 * say). The runtime records it on the job with its reason; the rest of the page is stored.
 *
 * @param position where the record is in the source, e.g. {@code orders.csv:17}
 * @param reason   why it was refused, readable by an operator
 */
public record RejectedRecord(String position, String reason) {

    public RejectedRecord {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(reason, "reason");
    }
}
