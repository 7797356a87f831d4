package io.etlfleet.runtime;

import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.publish.PublishResult;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxPublisher;
import java.util.List;

/** Publishes outbox rows with confirms; any unconfirmed message fails the whole batch, which is retried. */
final class ConfirmingOutboxPublisher implements OutboxPublisher {

    private final ConfirmedPublisher publisher;

    ConfirmingOutboxPublisher(ConfirmedPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void publishConfirmed(List<OutboxMessage> messages) {
        PublishResult result = publisher.publishAll(messages.stream()
                .map(m -> OutgoingMessage.of(m.exchange(), m.routingKey(), m.messageId(), m.body()))
                .toList());
        if (!result.allConfirmed()) {
            throw new IllegalStateException(result.failed().size() + " of " + messages.size()
                    + " outbox messages were not confirmed, first: " + result.failed().get(0));
        }
    }
}
