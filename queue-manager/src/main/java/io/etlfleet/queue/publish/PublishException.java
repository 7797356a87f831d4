package io.etlfleet.queue.publish;

/**
 * A message was not confirmed by the broker: nacked, returned as unroutable, not confirmed
 * in time, or the connection or channel failed. The message may or may not have reached a
 * queue (a timeout can hide a late confirm), so publishing it again can duplicate it; the
 * fleet's consumers are idempotent for that reason.
 *
 * <p>Unchecked so that it passes through handlers and lambdas to a place that decides; the
 * publisher never swallows it.
 */
public class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishException(String message) {
        super(message);
    }

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
