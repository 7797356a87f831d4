package io.etlfleet.storage.fairness;

import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStore;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims extract jobs under a cap on running extract jobs per integration, so one tenant's
 * backfill cannot take every worker. The count and the claim run in one transaction holding
 * a transaction-scoped advisory lock on the integration, so concurrent claims on several
 * workers never exceed the cap. Running jobs whose heartbeat is older than {@code staleAfter}
 * (their worker died) do not count.
 */
public class FairClaims {

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final int maxRunningPerIntegration;

    /** @param maxRunningPerIntegration at least 1 */
    public FairClaims(Jdbi jdbi, JobStore jobs, int maxRunningPerIntegration) {
        if (maxRunningPerIntegration < 1) {
            throw new IllegalArgumentException("maxRunningPerIntegration must be at least 1");
        }
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.maxRunningPerIntegration = maxRunningPerIntegration;
    }

    public int maxRunningPerIntegration() {
        return maxRunningPerIntegration;
    }

    /**
     * Claims like {@link JobStore#claim}, unless the integration already runs its maximum of
     * other extract jobs.
     */
    public Outcome claim(UUID jobId, UUID integrationId, String workerId, Duration staleAfter) {
        return jdbi.inTransaction(h -> {
            h.createQuery("select 1 from pg_advisory_xact_lock(hashtextextended(cast(:integration as text), 7))")
                    .bind("integration", integrationId)
                    .mapTo(Integer.class)
                    .one();
            int running = h.createQuery("""
                            select count(*) from etl.etl_jobs
                             where integration_id = :integration and status = 'running' and kind = 'extract'
                               and id <> :job and heartbeat_at >= now() - make_interval(secs => :staleSeconds)""")
                    .bind("integration", integrationId)
                    .bind("job", jobId)
                    .bind("staleSeconds", (double) staleAfter.toSeconds())
                    .mapTo(Integer.class)
                    .one();
            if (running >= maxRunningPerIntegration) {
                return new Outcome(Optional.empty(), true, running);
            }
            return new Outcome(jobs.claim(h, jobId, workerId, staleAfter), false, running);
        });
    }

    /**
     * @param job     the claimed job; empty when it was not claimed
     * @param atCap   the integration was at its cap, so the job was not even tried
     * @param running other running extract jobs of the integration when asked
     */
    public record Outcome(Optional<Job> job, boolean atCap, int running) {
    }
}
