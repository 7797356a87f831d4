package io.etlfleet.queue.consume;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facts about the delivery a {@link JobHandler} is processing.
 *
 * @param messageId   AMQP message id (the job id)
 * @param queue       the work queue it came from
 * @param attempt     1 for the first attempt, 2 for the first retry, ...; requeues after an
 *                    infrastructure failure and redeliveries after a crash do not count
 * @param redelivered the broker's redelivered flag: a previous delivery of this very message
 *                    was not acknowledged (a worker crashed or lost its connection mid-job)
 * @param headers     the message's application headers, read-only
 */
public record DeliveryContext(String messageId, String queue, int attempt, boolean redelivered,
        Map<String, Object> headers) {

    public DeliveryContext {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public boolean isRetry() {
        return attempt > 1;
    }
}
