package io.etlfleet.queue.consume;

/** What a consumer does with a delivery whose handler threw. */
public enum Disposition {

    /**
     * The job may succeed later (network, rate limit, 5xx): redeliver after a backoff delay
     * through a retry tier, counting an attempt; dead-letter once the attempts are used up.
     */
    RETRY,

    /** The job can never succeed (bad credentials, invalid data): dead-letter now. */
    DEAD_LETTER,

    /**
     * Our own infrastructure is down (e.g. the database): put the message back after a short
     * pause without counting an attempt, so an outage does not use up a job's retries.
     */
    REQUEUE,

    /**
     * The source asked us to wait (a rate limit until its reset): redeliver through the retry
     * tier that covers {@link FailureClassifier#waitFor} without counting an attempt, so
     * waiting out a limit never uses up a job's retries nor dead-letters it.
     */
    WAIT
}
