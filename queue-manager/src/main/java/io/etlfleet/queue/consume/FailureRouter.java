package io.etlfleet.queue.consume;

import io.etlfleet.queue.deadletter.DeadLetterHeaders;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.RetryTier;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

/**
 * Republishes a failed delivery, with confirms, to where its disposition sends it. Each method
 * blocks until the broker confirms and throws {@link io.etlfleet.queue.publish.PublishException}
 * otherwise; the caller acknowledges the original delivery only after a method returned.
 */
final class FailureRouter {

    private final ConfirmedPublisher publisher;
    private final RetryBackoff backoff;
    private final ConsumerSettings settings;
    private final String queue;
    private final Clock clock;

    FailureRouter(ConfirmedPublisher publisher, RetryBackoff backoff, ConsumerSettings settings, String queue,
            Clock clock) {
        this.publisher = publisher;
        this.backoff = backoff;
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
    }

    /** Sends the message through a retry tier back to its queue; returns the tier used. */
    RetryTier retry(Message message, int failedAttempts) {
        RetryTier tier = backoff.tierFor(failedAttempts);
        Map<String, Object> headers = new LinkedHashMap<>(carriedHeaders(message));
        headers.put(DeadLetterHeaders.ATTEMPTS, failedAttempts);
        // The tier exchange is a fanout; the routing key survives expiry and finds the way back.
        publisher.publish(new OutgoingMessage(tier.name(), queue, messageId(message), message.getBody(), headers));
        return tier;
    }

    /**
     * Sends the message through the tier covering {@code wait} back to its queue, attempts
     * unchanged: a wait the source asked for is not a failed attempt. Returns the tier used.
     */
    RetryTier delay(Message message, java.time.Duration wait) {
        RetryTier tier = backoff.tierForWait(wait);
        publisher.publish(new OutgoingMessage(tier.name(), queue, messageId(message), message.getBody(),
                carriedHeaders(message)));
        return tier;
    }

    /** Sends the message to {@code <queue>.dlq} with the failure in its headers. */
    void deadLetter(Message message, Throwable failure, String stage, int attempts) {
        Map<String, Object> headers = new LinkedHashMap<>(carriedHeaders(message));
        headers.put(DeadLetterHeaders.ERROR_CLASS, failure.getClass().getName());
        headers.put(DeadLetterHeaders.ERROR_MESSAGE, DeadLetterHeaders.truncate(
                failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
        headers.put(DeadLetterHeaders.STAGE, stage);
        headers.put(DeadLetterHeaders.ATTEMPTS, attempts);
        headers.put(DeadLetterHeaders.WORKER, settings.workerId());
        headers.put(DeadLetterHeaders.FAILED_AT, clock.instant().toString());
        headers.put(DeadLetterHeaders.ORIGIN_QUEUE, queue);
        publisher.publish(new OutgoingMessage(QueueNames.DEAD_LETTER_EXCHANGE, queue, messageId(message),
                message.getBody(), headers));
    }

    /**
     * Puts the message back at the tail of its queue as a new message, headers unchanged. A
     * broker-side requeue would count towards the quorum queue's delivery limit, which is
     * meant for crashing messages, not for an outage of our own.
     */
    void requeue(Message message) {
        publisher.publish(new OutgoingMessage(QueueNames.RETRY_RETURN_EXCHANGE, queue, messageId(message),
                message.getBody(), carriedHeaders(message)));
    }

    private static Map<String, Object> carriedHeaders(Message message) {
        return DeadLetterHeaders.carried(message.getMessageProperties().getHeaders());
    }

    // A message without an id (published by hand) still needs one to be tracked from here on.
    private static String messageId(Message message) {
        MessageProperties properties = message.getMessageProperties();
        return properties.getMessageId() != null ? properties.getMessageId() : "no-id-" + UUID.randomUUID();
    }
}
