package io.etlfleet.extract.running;

import io.etlfleet.extract.ratelimits.RateLimitDeferral;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.queue.consume.DeliveryContext;
import io.etlfleet.queue.consume.JobHandler;
import io.etlfleet.queue.messages.ExtractJobMessage;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * What an extract consumer does with a delivery: runs the job with the job, tenant and
 * integration ids in the MDC. A rate-limited job is not a failure: its message goes back to the
 * queue through a retry tier with its attempt count unchanged ({@link RateLimitDeferral}), and
 * the delivery is acknowledged, so the consumer takes other jobs meanwhile.
 */
public final class ExtractJobHandler implements JobHandler<ExtractJobMessage> {

    private final ExtractJobRunner runner;
    private final RateLimitDeferral deferral;
    private final int maxAttempts;
    private final BooleanSupplier stopping;

    public ExtractJobHandler(ExtractJobRunner runner, RateLimitDeferral deferral, int maxAttempts,
            BooleanSupplier stopping) {
        this.runner = runner;
        this.deferral = deferral;
        this.maxAttempts = maxAttempts;
        this.stopping = stopping;
    }

    @Override
    public void handle(ExtractJobMessage message, DeliveryContext context) {
        try (MDC.MDCCloseable job = MDC.putCloseable("job_id", message.jobId().toString());
                MDC.MDCCloseable tenant = MDC.putCloseable("tenant_id", message.tenantId().toString());
                MDC.MDCCloseable integration = MDC.putCloseable("integration_id", message.integrationId().toString())) {
            try {
                runner.run(message, context.attempt() >= maxAttempts, stopping);
            } catch (RateLimitedException limited) {
                deferral.defer(message, context, limited.resetAt());
            }
        }
    }
}
