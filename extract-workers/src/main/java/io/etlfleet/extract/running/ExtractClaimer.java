package io.etlfleet.extract.running;

import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.storage.jobs.Job;
import java.time.Duration;
import java.util.Optional;

/**
 * Takes an extract job for a worker before it runs. Empty means a duplicate delivery (the job
 * is finished or held by a live worker); throwing
 * {@link io.etlfleet.queue.consume.JobDeferredException} means not now (e.g. the integration
 * runs its share of jobs), and the message comes back later without spending an attempt.
 */
@FunctionalInterface
public interface ExtractClaimer {

    Optional<Job> claim(ExtractJobMessage message, String workerId, Duration staleAfter);
}
