package io.etlfleet.queue.stats;

/**
 * One queue at one moment.
 *
 * @param messagesReady messages waiting to be delivered; those delivered but not yet
 *                      acknowledged are not included (the broker does not report them on a declare)
 * @param consumers     consumers attached to the queue
 */
public record QueueStats(String queue, QueueKind kind, long messagesReady, int consumers) {
}
