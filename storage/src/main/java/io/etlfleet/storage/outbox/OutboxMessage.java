package io.etlfleet.storage.outbox;

import java.util.Objects;

/** A message to publish once the transaction that wrote it commits. */
public record OutboxMessage(long id, String exchange, String routingKey, String messageId, byte[] body) {

    public OutboxMessage {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
    }

    /** A message not yet stored (its id is assigned on insert). */
    public static OutboxMessage of(String exchange, String routingKey, String messageId, byte[] body) {
        return new OutboxMessage(0, exchange, routingKey, messageId, body);
    }
}
