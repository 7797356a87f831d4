package io.etlfleet.extract.running;

import io.etlfleet.extract.fairness.BackfillGate;
import io.etlfleet.extract.metrics.ExtractMetrics;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.queue.consume.DeliveryContext;
import io.etlfleet.queue.consume.JobDeferredException;
import io.etlfleet.queue.consume.JobHandler;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.topology.QueueNames;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * What an extract consumer does with a delivery: runs the job with the job, tenant and
 * integration ids in the MDC, once the {@link BackfillGate} admits it. Neither a busy worker
 * nor a rate limit is a failure: the handler throws {@link JobDeferredException}, so the
 * message goes back to its queue through a retry tier with its attempt count unchanged and the
 * consumer takes other jobs meanwhile. A rate-limited job comes back when the source's budget
 * resets (at the latest tier not beyond the reset), and resumes from its checkpoint.
 */
public final class ExtractJobHandler implements JobHandler<ExtractJobMessage> {

    private final ExtractJobRunner runner;
    private final BackfillGate gate;
    private final ExtractMetrics metrics;
    private final int maxAttempts;
    private final BooleanSupplier stopping;
    private final Clock clock;

    public ExtractJobHandler(ExtractJobRunner runner, BackfillGate gate, ExtractMetrics metrics, int maxAttempts,
            BooleanSupplier stopping, Clock clock) {
        this.runner = runner;
        this.gate = gate;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.stopping = stopping;
        this.clock = clock;
    }

    @Override
    public void handle(ExtractJobMessage message, DeliveryContext context) {
        try (MDC.MDCCloseable job = MDC.putCloseable("job_id", message.jobId().toString());
                MDC.MDCCloseable tenant = MDC.putCloseable("tenant_id", message.tenantId().toString());
                MDC.MDCCloseable integration = MDC.putCloseable("integration_id", message.integrationId().toString())) {
            boolean backfill = context.queue().equals(QueueNames.extractBackfillQueue(message.integrationType()));
            BackfillGate.Permit permit;
            try {
                permit = gate.enter(message.integrationType(), backfill);
            } catch (JobDeferredException e) {
                metrics.deferred(message, "backfill_gate");
                throw e;
            }
            try (permit) {
                runner.run(message, context.attempt() >= maxAttempts, stopping);
            } catch (RateLimitedException limited) {
                metrics.deferred(message, "rate_limit");
                throw new JobDeferredException("rate limited until " + limited.resetAt(),
                        Duration.between(clock.instant(), limited.resetAt()));
            }
        }
    }
}
