package io.etlfleet.queue.stats;

/** The role of a fleet queue. */
public enum QueueKind {
    EXTRACT,
    TRANSFORM,
    RETRY,
    DEAD_LETTER
}
