package io.etlfleet.queue.publish;

/** One message of a batch that the broker did not confirm, and why. */
public record PublishFailure(OutgoingMessage message, String reason) {
}
