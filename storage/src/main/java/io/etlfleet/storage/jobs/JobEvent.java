package io.etlfleet.storage.jobs;

import java.time.Instant;

/**
 * One entry of a job's timeline in {@code etl.job_events}: a status the job entered, or a
 * request made while it ran (cancel).
 *
 * @param message why, when known: the error of a failure, the worker that claimed it, ...
 */
public record JobEvent(Instant at, String status, String message) {
}
