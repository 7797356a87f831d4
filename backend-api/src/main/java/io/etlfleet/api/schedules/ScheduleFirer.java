package io.etlfleet.api.schedules;

import io.etlfleet.api.extractions.JobsEnqueued;
import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.schedules.Schedule;
import io.etlfleet.storage.schedules.ScheduleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Fires due schedules. One transaction locks a batch of due schedules ({@code FOR UPDATE SKIP
 * LOCKED}), enqueues their extract jobs with their outbox messages, records each firing and
 * moves each schedule to its next due time, so a due schedule fires exactly once however many
 * API instances look at the same time. An entity whose previous extract run of the same
 * integration is still queued, running or retrying is skipped, and the skip is recorded.
 */
class ScheduleFirer {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);

    private final Jdbi jdbi;
    private final ScheduleStore schedules;
    private final IntegrationStore integrations;
    private final IntegrationTypes types;
    private final JobStore jobs;
    private final OutboxStore outbox;
    private final JobMessageCodec codec;
    private final ApplicationEventPublisher events;
    private final String instanceId;

    ScheduleFirer(Jdbi jdbi, ScheduleStore schedules, IntegrationStore integrations, IntegrationTypes types,
            JobStore jobs, OutboxStore outbox, JobMessageCodec codec, ApplicationEventPublisher events,
            String instanceId) {
        this.jdbi = jdbi;
        this.schedules = schedules;
        this.integrations = integrations;
        this.types = types;
        this.jobs = jobs;
        this.outbox = outbox;
        this.codec = codec;
        this.events = events;
        this.instanceId = instanceId;
    }

    /**
     * Fires up to {@code limit} due schedules in one transaction.
     *
     * @return how many schedules fired (enqueued or skipped)
     */
    int fireDue(Instant now, int limit) {
        List<JobsEnqueued> enqueued = new ArrayList<>();
        int fired = jdbi.inTransaction(h -> {
            List<Schedule> due = schedules.lockDue(h, now, limit);
            for (Schedule schedule : due) {
                fire(h, schedule, now).ifPresent(enqueued::add);
            }
            return due.size();
        });
        enqueued.forEach(events::publishEvent);
        return fired;
    }

    private Optional<JobsEnqueued> fire(Handle h, Schedule schedule, Instant now) {
        try (MDC.MDCCloseable tenant = MDC.putCloseable("tenant_id", schedule.tenantId().toString());
                MDC.MDCCloseable integrationId = MDC.putCloseable("integration_id", schedule.integrationId().toString())) {
            Instant next = nextRun(schedule, now);
            Optional<Integration> found = integrations.find(h, schedule.integrationId());
            if (found.isEmpty() || !found.get().enabled()) {
                String reason = "integration " + schedule.integrationId() + (found.isEmpty() ? " no longer exists" : " is disabled");
                schedules.recordRun(h, schedule, now, instanceId, List.of(), schedule.entities(), reason, next);
                log.info("Schedule {} skipped: {}", schedule.id(), reason);
                return Optional.empty();
            }
            Integration integration = found.get();
            List<String> known = types.entityTypes(integration.type(), JsonColumns.MAPPER.readTree(integration.configJson()));
            List<String> entities = schedule.entities().isEmpty() ? known
                    : schedule.entities().stream().filter(known::contains).toList();
            List<String> unknown = schedule.entities().stream().filter(entity -> !known.contains(entity)).toList();
            Set<String> active = schedules.activeExtractEntities(h, integration.id(), entities);
            List<UUID> enqueued = new ArrayList<>();
            List<String> skipped = new ArrayList<>(unknown);
            for (String entity : entities) {
                if (active.contains(entity)) {
                    skipped.add(entity);
                    continue;
                }
                NewJob job = NewJob.extract(integration.tenantId(), integration.id(), integration.type(), entity,
                        schedule.mode());
                jobs.insert(h, job);
                outbox.add(h, OutboxMessage.of(QueueNames.EXTRACT_EXCHANGE,
                        QueueNames.extractRoutingKey(job.integrationType(), job.mode()), job.id().toString(),
                        codec.encode(ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(),
                                job.integrationType(), job.entityType(), job.mode(), null))));
                enqueued.add(job.id());
            }
            List<String> reasons = new ArrayList<>();
            if (skipped.size() > unknown.size()) {
                reasons.add("previous extract run still queued, running or retrying for "
                        + String.join(", ", skipped.subList(unknown.size(), skipped.size())));
            }
            if (!unknown.isEmpty()) {
                reasons.add("no longer entity types of the integration: " + String.join(", ", unknown));
            }
            String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
            schedules.recordRun(h, schedule, now, instanceId, enqueued, skipped, reason, next);
            if (!skipped.isEmpty()) {
                log.info("Schedule {} skipped {}: {}", schedule.id(), skipped, reason);
            }
            if (enqueued.isEmpty()) {
                return Optional.empty();
            }
            log.info("Schedule {} enqueued {} {} extract job(s) {}; next run {}", schedule.id(), enqueued.size(),
                    schedule.mode(), enqueued, next);
            return Optional.of(new JobsEnqueued(integration.tenantId(), integration.id(), enqueued));
        }
    }

    /** The next due time after now; a missed run is not caught up, and a cron that no longer parses stops. */
    private static Instant nextRun(Schedule schedule, Instant now) {
        try {
            return CronSchedule.parse(schedule.cron()).next(now);
        } catch (IllegalArgumentException e) {
            log.error("Schedule {} has an unreadable cron '{}' and stops firing: {}", schedule.id(), schedule.cron(),
                    e.getMessage());
            return null;
        }
    }
}
