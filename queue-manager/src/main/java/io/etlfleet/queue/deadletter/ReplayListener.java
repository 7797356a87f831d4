package io.etlfleet.queue.deadletter;

/**
 * Told about each message {@link DeadLetters#replayMatching} sends back, so the caller can keep
 * its own records in step: e.g. move the job from {@code dead} back to {@code queued} before the
 * message reaches a worker, and back to {@code dead} if the publish failed.
 */
public interface ReplayListener {

    ReplayListener NONE = letter -> { };

    /** Called before the message is published; an exception here leaves the message in the DLQ. */
    void beforeReplay(DeadLetter letter);

    /** Called when publishing failed after {@link #beforeReplay}; the message stays in the DLQ. */
    default void replayFailed(DeadLetter letter, RuntimeException failure) {
    }
}
