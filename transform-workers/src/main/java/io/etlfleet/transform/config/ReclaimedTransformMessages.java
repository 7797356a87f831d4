package io.etlfleet.transform.config;

import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.retransform.RetransformStore;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The message a reclaimed transform job is sent again with: its raw batch for a job of an
 * extraction, its raw ids (kept in {@code etl.retransform_jobs}) for a re-transform job.
 */
final class ReclaimedTransformMessages implements Function<Job, OutboxMessage> {

    private final Jdbi jdbi;
    private final JobMessageCodec codec;
    private final RetransformStore retransforms = new RetransformStore();

    ReclaimedTransformMessages(Jdbi jdbi, JobMessageCodec codec) {
        this.jdbi = jdbi;
        this.codec = codec;
    }

    @Override
    public OutboxMessage apply(Job job) {
        TransformJobMessage message = job.batchId() != null
                ? TransformJobMessage.forBatch(job.id(), job.parentId(), job.tenantId(), job.integrationId(),
                        job.integrationType(), job.entityType(), job.batchId())
                : new TransformJobMessage(JobMessage.CURRENT_VERSION, job.id(), job.parentId(), job.tenantId(),
                        job.integrationId(), job.integrationType(), job.entityType(), null,
                        retransforms.rawIds(jdbi, job.id()).orElseThrow(() -> new IllegalStateException(
                                "transform job " + job.id() + " has neither a raw batch nor recorded raw ids")));
        return OutboxMessage.of(QueueNames.TRANSFORM_EXCHANGE, job.integrationType(), job.id().toString(),
                codec.encode(message));
    }
}
