package io.etlfleet.api.extractions;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.integrations.IntegrationService;
import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.api.security.Caller;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import io.etlfleet.storage.JsonColumns;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Enqueues extractions: one extract job per entity type and one outbox message per job, in
 * one transaction, so a job is never recorded without its message nor sent without its record.
 */
@Service
public class ExtractionService {

    static final Set<String> MODES = Set.of("incremental", "full");
    private static final Logger log = LoggerFactory.getLogger(ExtractionService.class);

    private final Jdbi jdbi;
    private final IntegrationService integrations;
    private final IntegrationTypes types;
    private final JobStore jobs;
    private final OutboxStore outbox;
    private final JobMessageCodec codec;
    private final ApplicationEventPublisher events;

    public ExtractionService(Jdbi jdbi, IntegrationService integrations, IntegrationTypes types, JobStore jobs,
            OutboxStore outbox, JobMessageCodec codec, ApplicationEventPublisher events) {
        this.jdbi = jdbi;
        this.integrations = integrations;
        this.types = types;
        this.jobs = jobs;
        this.outbox = outbox;
        this.codec = codec;
        this.events = events;
    }

    public ExtractionResponse enqueue(Caller caller, ExtractionRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.require("integration_id", request.integrationId());
        String mode = request.mode() == null ? "incremental" : request.mode();
        if (!MODES.contains(mode)) {
            errors.add("mode", "must be incremental or full");
        }
        if (request.entities() != null && request.entities().isEmpty()) {
            errors.add("entities", "must name at least one entity type, or be left out for all of them");
        }
        errors.throwIfAny();
        Integration integration = integrations.find(caller, request.integrationId(), "integration_id");
        List<String> entities = entities(integration, request.entities());
        if (!integration.enabled()) {
            throw ApiException.conflict("integration_id", "integration " + integration.id() + " is disabled");
        }
        List<NewJob> newJobs = entities.stream()
                .map(entity -> NewJob.extract(integration.tenantId(), integration.id(), integration.type(), entity, mode))
                .toList();
        jdbi.useTransaction(h -> newJobs.forEach(job -> {
            jobs.insert(h, job);
            outbox.add(h, OutboxMessage.of(QueueNames.EXTRACT_EXCHANGE,
                    QueueNames.extractRoutingKey(job.integrationType(), mode), job.id().toString(),
                    codec.encode(ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(),
                            job.integrationType(), job.entityType(), mode, null))));
        }));
        List<UUID> ids = newJobs.stream().map(NewJob::id).toList();
        try (MDC.MDCCloseable ignored = MDC.putCloseable("integration_id", integration.id().toString())) {
            log.info("Enqueued {} {} extract job(s) {} for entities {}", ids.size(), mode, ids, entities);
        }
        events.publishEvent(new JobsEnqueued(integration.tenantId(), integration.id(), ids));
        return new ExtractionResponse(newJobs.stream()
                .map(job -> new ExtractionResponse.EnqueuedJob(job.id(), job.entityType(), JobStatus.QUEUED.dbValue()))
                .toList());
    }

    /** The requested entity types, de-duplicated in order, or all of the type's when none are named. */
    private List<String> entities(Integration integration, List<String> requested) {
        List<String> known = types.entityTypes(integration.type(), JsonColumns.MAPPER.readTree(integration.configJson()));
        if (requested == null) {
            return known;
        }
        FieldErrors errors = new FieldErrors();
        Set<String> entities = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String entity = requested.get(i);
            String field = "entities[" + i + "]";
            if (!errors.require(field, entity)) {
                continue;
            }
            if (known.contains(entity)) {
                entities.add(entity);
            } else {
                errors.add(field, "'" + entity + "' is not an entity type of " + integration.type()
                        + " integrations; known: " + String.join(", ", known));
            }
        }
        errors.throwIfAny();
        return new ArrayList<>(entities);
    }
}
