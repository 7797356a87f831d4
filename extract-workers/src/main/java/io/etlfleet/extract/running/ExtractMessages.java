package io.etlfleet.extract.running;

import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.outbox.OutboxMessage;

/** The outbox message that (re)announces an extract job, e.g. after a hand-back or a reclaim. */
public final class ExtractMessages {

    private ExtractMessages() {
    }

    public static OutboxMessage forJob(JobMessageCodec codec, Job job) {
        ExtractJobMessage message = ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(),
                job.integrationType(), job.entityType(), job.mode(), null);
        return OutboxMessage.of(QueueNames.EXTRACT_EXCHANGE, QueueNames.extractRoutingKey(job.integrationType(),
                message.mode()), job.id().toString(),
                codec.encode(message));
    }
}
