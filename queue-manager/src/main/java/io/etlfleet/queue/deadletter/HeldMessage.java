package io.etlfleet.queue.deadletter;

import org.springframework.amqp.core.Message;

/** A message fetched from a dead-letter queue and not yet acknowledged. */
record HeldMessage(long deliveryTag, Message message, DeadLetter deadLetter) {
}
