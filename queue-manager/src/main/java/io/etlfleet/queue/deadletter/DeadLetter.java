package io.etlfleet.queue.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.amqp.core.MessageProperties;

/**
 * A message sitting in a dead-letter queue, as read from its headers.
 *
 * <p>Messages the broker dead-lettered itself (a work queue's delivery limit, reached when a
 * message keeps crashing its worker) carry no {@code x-etl-*} headers; for them the error class
 * is {@code rabbitmq:<reason>} (e.g. {@code rabbitmq:delivery_limit}) and the origin queue
 * comes from the broker's {@code x-first-death-queue} header.
 *
 * @param originQueue null if unknown; such a message cannot be replayed
 * @param attempts    attempts made before it was dead-lettered, 0 if unknown
 * @param failedAt    null if unknown
 * @param body        the body as UTF-8 text (job messages are JSON)
 */
public record DeadLetter(String queue, String messageId, String originQueue, String errorClass, String errorMessage,
        String stage, int attempts, String workerId, Instant failedAt, Map<String, Object> headers, String body) {

    public DeadLetter {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (headers != null) {
            // Spring AMQP's return-correlation headers mean nothing once the message was routed.
            headers.forEach((name, value) -> {
                if (!name.startsWith("spring_")) {
                    copy.put(name, value);
                }
            });
        }
        headers = Collections.unmodifiableMap(copy);
    }

    static DeadLetter from(String queue, MessageProperties properties, byte[] body) {
        Map<String, Object> headers = properties.getHeaders();
        String errorClass = text(headers, DeadLetterHeaders.ERROR_CLASS);
        if (errorClass == null) {
            String reason = text(headers, "x-first-death-reason");
            errorClass = "rabbitmq:" + (reason == null ? "unknown" : reason);
        }
        String origin = text(headers, DeadLetterHeaders.ORIGIN_QUEUE);
        return new DeadLetter(queue, properties.getMessageId(),
                origin != null ? origin : text(headers, "x-first-death-queue"),
                errorClass, text(headers, DeadLetterHeaders.ERROR_MESSAGE), text(headers, DeadLetterHeaders.STAGE),
                DeadLetterHeaders.attempts(headers), text(headers, DeadLetterHeaders.WORKER),
                instant(text(headers, DeadLetterHeaders.FAILED_AT)), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    private static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
