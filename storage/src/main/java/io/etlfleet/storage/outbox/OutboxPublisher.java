package io.etlfleet.storage.outbox;

import java.util.List;

/**
 * Publishes outbox messages to the broker, blocking until it confirmed all of them.
 * Implemented by the apps on top of the queue-manager's confirmed publisher.
 */
@FunctionalInterface
public interface OutboxPublisher {

    /** @throws Exception when any message was not confirmed; none are then marked published */
    void publishConfirmed(List<OutboxMessage> messages) throws Exception;
}
