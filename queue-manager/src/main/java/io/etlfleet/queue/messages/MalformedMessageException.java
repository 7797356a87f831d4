package io.etlfleet.queue.messages;

/**
 * A message body that can never be processed: broken JSON, a missing or invalid field.
 * Consumers send such messages straight to the dead-letter queue, never to a retry.
 * The message is a human-readable reason, stored with the dead letter.
 */
public class MalformedMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
