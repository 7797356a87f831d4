package io.etlfleet.queue.deadletter;

/** How many messages of one dead-letter queue failed with one error class. */
public record DeadLetterCount(String queue, String errorClass, long count) {
}
