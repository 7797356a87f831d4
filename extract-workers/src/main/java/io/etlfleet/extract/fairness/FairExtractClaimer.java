package io.etlfleet.extract.fairness;

import io.etlfleet.extract.running.ExtractClaimer;
import io.etlfleet.queue.consume.JobDeferredException;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.storage.fairness.FairClaims;
import io.etlfleet.storage.jobs.Job;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Claims extract jobs under the fleet-wide cap of running jobs per integration
 * ({@code ETL_MAX_JOBS_PER_INTEGRATION}); a job of an integration at its cap is deferred: it
 * goes back to its queue after {@code deferDelay} without spending an attempt, and the
 * consumer takes the next message, typically another tenant's.
 */
public final class FairExtractClaimer implements ExtractClaimer {

    private final FairClaims claims;
    private final Duration deferDelay;
    private final Consumer<ExtractJobMessage> onDeferred;

    public FairExtractClaimer(FairClaims claims, Duration deferDelay, Consumer<ExtractJobMessage> onDeferred) {
        this.claims = claims;
        this.deferDelay = deferDelay;
        this.onDeferred = onDeferred;
    }

    @Override
    public Optional<Job> claim(ExtractJobMessage message, String workerId, Duration staleAfter) {
        FairClaims.Outcome outcome = claims.claim(message.jobId(), message.integrationId(), workerId, staleAfter);
        if (outcome.atCap()) {
            onDeferred.accept(message);
            throw new JobDeferredException("integration " + message.integrationId() + " already runs "
                    + outcome.running() + " extract job(s), its maximum of " + claims.maxRunningPerIntegration(),
                    deferDelay);
        }
        return outcome.job();
    }
}
