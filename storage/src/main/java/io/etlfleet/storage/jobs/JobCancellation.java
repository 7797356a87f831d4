package io.etlfleet.storage.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Cancel requests, through {@code etl_jobs.cancel_requested_at}. A job that is not running
 * (queued, retrying) is cancelled at once; a running job is only flagged, because its worker
 * is between two page commits: the worker checks the flag at each page boundary and ends the
 * job as {@code cancelled} there, with the pages committed so far kept and their transform
 * jobs still run. A job cancelled directly through {@link JobStore#transition} (running to
 * cancelled) stops too: the worker's next checkpoint fails and its page rolls back.
 */
public class JobCancellation {

    public static final String CANCELLED_ON_REQUEST = "cancelled on request";

    private final Jdbi jdbi;
    private final JobStore jobs;

    public JobCancellation(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.jobs = new JobStore(jdbi);
    }

    /**
     * Requests cancellation. Terminal jobs stay as they are.
     *
     * @return the job after the request, empty when unknown
     */
    public Optional<Job> request(UUID id) {
        return jdbi.inTransaction(h -> {
            Optional<Job> job = h.createQuery("select status from etl.etl_jobs where id = :id for update")
                    .bind("id", id).mapTo(String.class).findOne()
                    .flatMap(status -> {
                        JobStatus current = JobStatus.fromDb(status);
                        if (current == JobStatus.QUEUED || current == JobStatus.RETRYING) {
                            markRequested(h, id);
                            return Optional.of(jobs.transition(h, id, JobStatus.CANCELLED, CANCELLED_ON_REQUEST, null));
                        }
                        if (current == JobStatus.RUNNING) {
                            markRequested(h, id);
                        }
                        return jobs.find(h, id);
                    });
            return job;
        });
    }

    /** Whether cancellation of the job was requested (or it was cancelled outright). */
    public boolean requested(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select cancel_requested_at is not null or status = 'cancelled' from etl.etl_jobs where id = :id""")
                .bind("id", id).mapTo(Boolean.class).findOne().orElse(false));
    }

    /** Ends a running job whose cancellation was requested, keeping its counts. */
    public Job complete(UUID id, Map<String, Long> counts) {
        return jobs.transition(id, JobStatus.CANCELLED, CANCELLED_ON_REQUEST, counts);
    }

    private static void markRequested(Handle h, UUID id) {
        h.createUpdate("""
                        update etl.etl_jobs set cancel_requested_at = coalesce(cancel_requested_at, now()),
                               updated_at = now() where id = :id""")
                .bind("id", id).execute();
    }
}
