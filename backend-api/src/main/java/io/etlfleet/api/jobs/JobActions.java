package io.etlfleet.api.jobs;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.extractions.JobsEnqueued;
import io.etlfleet.api.security.Caller;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxStore;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Cancels and retries jobs the caller may see. */
@Service
public class JobActions {

    private static final Logger log = LoggerFactory.getLogger(JobActions.class);

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final IntegrationStore integrations;
    private final OutboxStore outbox;
    private final JobMessageCodec codec;
    private final ApplicationEventPublisher events;

    public JobActions(Jdbi jdbi, JobStore jobs, IntegrationStore integrations, OutboxStore outbox,
            JobMessageCodec codec, ApplicationEventPublisher events) {
        this.jdbi = jdbi;
        this.jobs = jobs;
        this.integrations = integrations;
        this.outbox = outbox;
        this.codec = codec;
        this.events = events;
    }

    /** The job if the caller may see it; 404 otherwise. */
    public Job visible(Caller caller, UUID id) {
        return jobs.findForTenant(caller.tenantId(), id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** @throws ApiException 409 when the job already finished */
    public Job cancel(Caller caller, UUID id) {
        visible(caller, id);
        Job job = jobs.cancel(id).orElseThrow(() -> ApiException.notFound("job", id));
        if (job.status().terminal() && job.status() != JobStatus.CANCELLED) {
            throw ApiException.conflict("status", "job " + id + " already finished as " + job.status().dbValue());
        }
        log.info("Cancel of job {} requested; it is {}", id, job.status().dbValue());
        return job;
    }

    /**
     * Enqueues a failed or dead job again as a new job (parent: the failed one) with its
     * message in the outbox, in one transaction.
     *
     * @throws ApiException 409 when the job is not failed or dead, or its integration is disabled
     */
    public Job retry(Caller caller, UUID id) {
        Job failed = visible(caller, id);
        if (failed.status() != JobStatus.FAILED && failed.status() != JobStatus.DEAD
                && failed.status() != JobStatus.CANCELLED) {
            throw ApiException.conflict("status", "only failed, dead or cancelled jobs can be retried; job " + id
                    + " is " + failed.status().dbValue());
        }
        Integration integration = integrations.find(failed.integrationId())
                .orElseThrow(() -> ApiException.conflict("integration_id", "the job's integration was deleted"));
        if (!integration.enabled()) {
            throw ApiException.conflict("integration_id", "integration " + integration.id() + " is disabled");
        }
        NewJob retry;
        byte[] body;
        String exchange;
        String routingKey;
        if (failed.kind() == JobKind.EXTRACT) {
            retry = new NewJob(UUID.randomUUID(), JobKind.EXTRACT, failed.tenantId(), failed.integrationId(),
                    failed.integrationType(), failed.entityType(), failed.mode() == null ? "incremental" : failed.mode(),
                    failed.id(), null);
            body = codec.encode(ExtractJobMessage.of(retry.id(), retry.tenantId(), retry.integrationId(),
                    retry.integrationType(), retry.entityType(), retry.mode(), null));
            exchange = QueueNames.EXTRACT_EXCHANGE;
            routingKey = QueueNames.extractRoutingKey(retry.integrationType(), retry.mode());
        } else {
            if (failed.batchId() == null) {
                throw ApiException.conflict("id", "job " + id + " names raw rows, not a batch: re-run it with a re-transform");
            }
            retry = NewJob.transform(failed.id(), failed.tenantId(), failed.integrationId(), failed.integrationType(),
                    failed.entityType(), failed.batchId());
            body = codec.encode(TransformJobMessage.forBatch(retry.id(), failed.id(), retry.tenantId(),
                    retry.integrationId(), retry.integrationType(), retry.entityType(), retry.batchId()));
            exchange = QueueNames.TRANSFORM_EXCHANGE;
            routingKey = retry.integrationType();
        }
        jdbi.useTransaction(h -> {
            jobs.insert(h, retry);
            outbox.add(h, OutboxMessage.of(exchange, routingKey, retry.id().toString(), body));
        });
        log.info("Retrying {} job {} as job {}", failed.kind().dbValue(), failed.id(), retry.id());
        events.publishEvent(new JobsEnqueued(retry.tenantId(), retry.integrationId(), List.of(retry.id())));
        return jobs.find(retry.id()).orElseThrow();
    }
}
