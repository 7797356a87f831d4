package io.etlfleet.storage.ratelimits;

import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * A running job whose source is rate limited goes back to {@code queued} until the limit resets,
 * keeping its checkpoint. Its claim does not count as an attempt: waiting is not failing.
 */
public class DeferredJobs {

    private final Jdbi jdbi;
    private final JobStore jobs;

    public DeferredJobs(Jdbi jdbi, JobStore jobs) {
        this.jdbi = jdbi;
        this.jobs = jobs;
    }

    public Job defer(UUID jobId, String reason) {
        return jdbi.inTransaction(h -> {
            jobs.transition(h, jobId, JobStatus.QUEUED, reason, null);
            h.createUpdate("update etl.etl_jobs set attempts = greatest(0, attempts - 1) where id = :id")
                    .bind("id", jobId).execute();
            return jobs.find(h, jobId).orElseThrow();
        });
    }
}
