package io.etlfleet.api.schedules;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.integrations.IntegrationService;
import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.schedules.Schedule;
import io.etlfleet.storage.schedules.ScheduleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Creates, changes and reads schedules within the caller's tenant; another tenant's schedule answers 404. */
@Service
public class ScheduleService {

    static final Set<String> MODES = Set.of("incremental", "full");
    static final int MAX_CRON_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final ScheduleStore schedules;
    private final IntegrationService integrations;
    private final IntegrationTypes types;

    public ScheduleService(ScheduleStore schedules, IntegrationService integrations, IntegrationTypes types) {
        this.schedules = schedules;
        this.integrations = integrations;
        this.types = types;
    }

    public ScheduleResponse create(Caller caller, CreateScheduleRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.require("integration_id", request.integrationId());
        String mode = request.mode() == null ? "incremental" : request.mode();
        validateCronAndMode(errors, request.cron(), true, mode);
        errors.throwIfAny();
        Integration integration = integrations.find(caller, request.integrationId(), "integration_id");
        List<String> entities = entities(integration, request.entities());
        boolean enabled = request.enabled() == null || request.enabled();
        Schedule created = schedules.insert(integration.tenantId(), integration.id(), request.cron().trim(), entities,
                mode, enabled, enabled ? nextRun(request.cron()) : null);
        log.info("Created schedule {} '{}' for integration {}", created.id(), created.cron(), integration.id());
        return ScheduleResponse.of(created);
    }

    public ScheduleResponse get(Caller caller, UUID id) {
        return ScheduleResponse.of(find(caller, id));
    }

    public List<ScheduleResponse> list(Caller caller, UUID integrationId) {
        UUID tenant = caller.isAdmin() ? null : caller.tenantId();
        return schedules.list(tenant, integrationId).stream().map(ScheduleResponse::of).toList();
    }

    public ScheduleResponse update(Caller caller, UUID id, UpdateScheduleRequest request) {
        Schedule current = find(caller, id);
        FieldErrors errors = new FieldErrors();
        validateCronAndMode(errors, request.cron(), false, request.mode());
        errors.throwIfAny();
        String cron = request.cron() == null ? current.cron() : request.cron().trim();
        List<String> entities = request.entities() == null ? current.entities()
                : entities(integrations.find(caller, current.integrationId(), null), request.entities());
        String mode = request.mode() == null ? current.mode() : request.mode();
        boolean enabled = request.enabled() == null ? current.enabled() : request.enabled();
        Instant nextRunAt;
        if (!enabled) {
            nextRunAt = null;
        } else if (request.cron() != null || !current.enabled() || current.nextRunAt() == null) {
            nextRunAt = nextRun(cron);
        } else {
            nextRunAt = current.nextRunAt();
        }
        Schedule updated = schedules.update(id, cron, entities, mode, enabled, nextRunAt)
                .orElseThrow(() -> ApiException.notFound("schedule", id));
        log.info("Updated schedule {}: cron '{}', enabled {}, next run {}", id, cron, enabled, nextRunAt);
        return ScheduleResponse.of(updated);
    }

    public void delete(Caller caller, UUID id) {
        find(caller, id);
        if (!schedules.delete(id)) {
            throw ApiException.notFound("schedule", id);
        }
        log.info("Deleted schedule {}", id);
    }

    /** The schedule if the caller may see it; 404 otherwise. */
    public Schedule find(Caller caller, UUID id) {
        return schedules.find(id).filter(schedule -> caller.canSee(schedule.tenantId()))
                .orElseThrow(() -> ApiException.notFound("schedule", id));
    }

    private void validateCronAndMode(FieldErrors errors, String cron, boolean required, String mode) {
        if (cron != null || required) {
            if (errors.require("cron", cron)) {
                if (cron.length() > MAX_CRON_LENGTH) {
                    errors.add("cron", "must be at most " + MAX_CRON_LENGTH + " characters");
                } else {
                    CronSchedule.problem(cron, Instant.now()).ifPresent(problem -> errors.add("cron", problem));
                }
            }
        }
        if (mode != null && !MODES.contains(mode)) {
            errors.add("mode", "must be incremental or full");
        }
    }

    private Instant nextRun(String cron) {
        return CronSchedule.parse(cron).next(Instant.now());
    }

    /** The requested entity types, de-duplicated in order; empty (every entity type) when none are named. */
    private List<String> entities(Integration integration, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        List<String> known = types.entityTypes(integration.type(), JsonColumns.MAPPER.readTree(integration.configJson()));
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
