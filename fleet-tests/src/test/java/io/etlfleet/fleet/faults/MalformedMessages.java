package io.etlfleet.fleet.faults;

import io.etlfleet.queue.deadletter.DeadLetter;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.messages.UnsupportedVersionException;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.topology.QueueNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Bad messages a fault run publishes to the work queues, and the dead letters they must turn
 * into: each in {@code <queue>.dlq}, stage {@code decode}, with the decoder's reason.
 */
final class MalformedMessages {

    /** One bad message and where its dead letter must be. */
    record Sent(String messageId, String queue, String expectedErrorClass, String what) {

        boolean matches(DeadLetter letter) {
            return letter.messageId().equals(messageId) && letter.queue().equals(QueueNames.deadLetterQueue(queue))
                    && Objects.equals(letter.originQueue(), queue) && letter.errorClass().equals(expectedErrorClass)
                    && "decode".equals(letter.stage()) && letter.errorMessage() != null
                    && !letter.errorMessage().isBlank();
        }
    }

    private record Kind(String exchange, String type, String body, Class<?> error, String what) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(QueueNames.EXTRACT_EXCHANGE, "github", "this is not json", MalformedMessageException.class,
                    "not JSON"),
            new Kind(QueueNames.EXTRACT_EXCHANGE, "jira", "{\"v\":99,\"kind\":\"extract\"}",
                    UnsupportedVersionException.class, "unknown version"),
            new Kind(QueueNames.TRANSFORM_EXCHANGE, "github", "{\"v\":1}", MalformedMessageException.class,
                    "required fields missing"),
            new Kind(QueueNames.TRANSFORM_EXCHANGE, "jira", "[1,2,3]", MalformedMessageException.class,
                    "a JSON array"),
            new Kind(QueueNames.EXTRACT_EXCHANGE, "github", "{\"v\":1,\"job_id\":\"not-a-uuid\",\"tenant_id\":7}",
                    MalformedMessageException.class, "ids of the wrong type"));

    private MalformedMessages() {
    }

    static List<Sent> publish(ConfirmedPublisher publisher, int count) {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS.get(i % KINDS.size());
            String id = "malformed-" + UUID.randomUUID();
            publisher.publish(OutgoingMessage.of(kind.exchange(), kind.type(), id,
                    kind.body().getBytes(StandardCharsets.UTF_8)));
            String queue = kind.exchange().equals(QueueNames.EXTRACT_EXCHANGE) ? QueueNames.extractQueue(kind.type())
                    : QueueNames.transformQueue(kind.type());
            sent.add(new Sent(id, queue, kind.error().getName(), kind.what()));
        }
        return sent;
    }
}
