package io.etlfleet.storage.jobs;

import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxStore;
import java.time.Duration;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds running jobs of one kind whose worker stopped heart-beating (killed, partitioned)
 * and hands them back to the queue: status {@code queued} plus the job's message in the
 * outbox, in one transaction. The next worker resumes from the job's last checkpoint.
 * Every worker process runs one; concurrent reclaimers never republish a job twice.
 */
public class StaleJobReclaimer {

    private static final Logger log = LoggerFactory.getLogger(StaleJobReclaimer.class);

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final OutboxStore outbox = new OutboxStore();
    private final JobKind kind;
    private final Duration staleAfter;
    private final Function<Job, OutboxMessage> messageFor;

    public StaleJobReclaimer(Jdbi jdbi, JobStore jobs, JobKind kind, Duration staleAfter,
            Function<Job, OutboxMessage> messageFor) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.kind = kind;
        this.staleAfter = staleAfter;
        this.messageFor = messageFor;
    }

    /** @return how many jobs this call handed back */
    public int reclaim() {
        int reclaimed = 0;
        for (Job job : jobs.stale(staleAfter, 100)) {
            if (job.kind() != kind) {
                continue;
            }
            boolean won = jdbi.inTransaction(h -> {
                if (!jobs.reclaimIfStale(h, job.id(), staleAfter)) {
                    return false;
                }
                outbox.add(h, messageFor.apply(job));
                return true;
            });
            if (won) {
                reclaimed++;
                log.warn("Reclaimed job {} from worker {} (no heartbeat for {} s)", job.id(), job.workerId(),
                        staleAfter.toSeconds());
            }
        }
        return reclaimed;
    }
}
