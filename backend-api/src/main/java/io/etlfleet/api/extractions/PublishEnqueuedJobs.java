package io.etlfleet.api.extractions;

import io.etlfleet.storage.outbox.OutboxRelay;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Wakes the outbox relay once enqueued jobs are committed, so their messages reach the
 * extract queues at once instead of at the relay's next poll.
 */
@Component
class PublishEnqueuedJobs {

    private final OutboxRelay relay;

    PublishEnqueuedJobs(OutboxRelay relay) {
        this.relay = relay;
    }

    @EventListener
    void on(JobsEnqueued event) {
        relay.wake();
    }
}
