package io.etlfleet.sample.rest;

import java.math.BigDecimal;
import java.time.Instant;

/** One order of the sample REST API; {@code amount} is served as a decimal string. */
public record SampleOrder(long id, String customerName, String customerEmail, BigDecimal amount, String currency,
        String status, Instant createdAt, Instant updatedAt) {

    SampleOrder withStatus(String value, Instant at) {
        return new SampleOrder(id, customerName, customerEmail, amount, currency, value, createdAt, at);
    }
}
