package io.etlfleet.queue.consume;

import io.etlfleet.queue.messages.JobMessage;

/**
 * Runs one job. Called on a listener container thread, one message at a time per consumer;
 * with a concurrency of N, up to N calls run at once on different threads.
 *
 * <p>Returning means the work is committed: the delivery is acknowledged right after. Throwing
 * hands the failure to the {@link FailureClassifier}. The same job can be delivered more than
 * once (redelivery after a crash, a retry, a dead-letter replay), so handlers must be idempotent.
 * A handler may block for as long as the job takes; a graceful stop waits for it up to the
 * container's shutdown timeout.
 */
@FunctionalInterface
public interface JobHandler<T extends JobMessage> {

    void handle(T message, DeliveryContext context) throws Exception;
}
