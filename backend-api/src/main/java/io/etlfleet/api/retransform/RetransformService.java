package io.etlfleet.api.retransform;

import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.extractions.JobsEnqueued;
import io.etlfleet.api.integrations.IntegrationService;
import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.api.security.Caller;
import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.retransform.RawSelection;
import io.etlfleet.storage.retransform.RetransformStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Re-runs transforms from stored raw rows, without calling the source: the selected rows are
 * split into transform jobs of {@code ETL_RETRANSFORM_BATCH_SIZE} raw ids, each with the same
 * message the extract workers publish (naming raw ids instead of a batch), all written with
 * their outbox messages in one transaction. Loads are idempotent and never let an older raw
 * version overwrite a newer row, so re-transforming changes nothing the source did not.
 */
@Service
public class RetransformService {

    private static final Logger log = LoggerFactory.getLogger(RetransformService.class);

    private final Jdbi jdbi;
    private final IntegrationService integrations;
    private final IntegrationTypes types;
    private final JobStore jobs;
    private final OutboxStore outbox;
    private final JobMessageCodec codec;
    private final ApplicationEventPublisher events;
    private final RetransformProperties properties;
    private final RetransformStore store = new RetransformStore();

    public RetransformService(Jdbi jdbi, IntegrationService integrations, IntegrationTypes types, JobStore jobs,
            OutboxStore outbox, JobMessageCodec codec, ApplicationEventPublisher events,
            RetransformProperties properties) {
        this.jdbi = jdbi;
        this.integrations = integrations;
        this.types = types;
        this.jobs = jobs;
        this.outbox = outbox;
        this.codec = codec;
        this.events = events;
        this.properties = properties;
    }

    public RetransformResponse retransform(Caller caller, RetransformRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.require("integration_id", request.integrationId());
        if (request.entityType() != null && request.entityType().isBlank()) {
            errors.add("entity_type", "must not be blank; leave it out for every entity type");
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            errors.add("to", "must be after from");
        }
        errors.throwIfAny();
        Integration integration = integrations.find(caller, request.integrationId(), "integration_id");
        if (request.entityType() != null) {
            List<String> known = types.entityTypes(integration.type(), JsonColumns.MAPPER.readTree(integration.configJson()));
            if (!known.contains(request.entityType())) {
                errors.add("entity_type", "'" + request.entityType() + "' is not an entity type of "
                        + integration.type() + " integrations; known: " + String.join(", ", known));
                errors.throwIfAny();
            }
        }
        RawSelection selection = new RawSelection(integration.tenantId(), integration.id(), request.entityType(),
                request.from(), request.to());
        List<NewJob> queued = new ArrayList<>();
        long rows = jdbi.inTransaction(h -> store.forEachBatch(h, selection, properties.batchSize(), (entity, ids) -> {
            NewJob job = NewJob.transform(null, integration.tenantId(), integration.id(), integration.type(), entity, null);
            jobs.insert(h, job);
            store.recordJob(h, job.id(), ids);
            TransformJobMessage message = new TransformJobMessage(JobMessage.CURRENT_VERSION, job.id(), null,
                    job.tenantId(), job.integrationId(), job.integrationType(), entity, null, ids);
            outbox.add(h, OutboxMessage.of(QueueNames.TRANSFORM_EXCHANGE, job.integrationType(), job.id().toString(),
                    codec.encode(message)));
            queued.add(job);
        }));
        List<UUID> ids = queued.stream().map(NewJob::id).toList();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("integration_id", integration.id().toString())) {
            log.info("Re-transform of {} raw row(s) ({}, {} to {}) queued as {} transform job(s)", rows,
                    request.entityType() == null ? "every entity type" : request.entityType(), request.from(),
                    request.to(), ids.size());
        }
        if (!ids.isEmpty()) {
            events.publishEvent(new JobsEnqueued(integration.tenantId(), integration.id(), ids));
        }
        return new RetransformResponse(queued.stream()
                .map(job -> new RetransformResponse.QueuedJob(job.id(), job.entityType(), JobStatus.QUEUED.dbValue()))
                .toList());
    }
}
