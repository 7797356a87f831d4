package io.etlfleet.queue.publish;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message to publish: persistent, {@code application/json}, mandatory.
 *
 * @param routingKey for a work queue, the integration type; for retry and dead-letter exchanges, the origin queue
 * @param messageId  the AMQP {@code message_id}; for job messages, the job id
 * @param body       JSON bytes
 * @param headers    application headers; empty if none
 */
public record OutgoingMessage(String exchange, String routingKey, String messageId, byte[] body,
        Map<String, Object> headers) {

    public OutgoingMessage {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        // LinkedHashMap rather than Map.copyOf: AMQP headers may legitimately hold null values.
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static OutgoingMessage of(String exchange, String routingKey, String messageId, byte[] body) {
        return new OutgoingMessage(exchange, routingKey, messageId, body, Map.of());
    }

    @Override
    public String toString() {
        return "OutgoingMessage[" + messageId + " to " + exchange + "/" + routingKey + ", " + body.length + " bytes]";
    }
}
