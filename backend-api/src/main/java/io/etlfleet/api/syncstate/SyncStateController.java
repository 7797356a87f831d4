package io.etlfleet.api.syncstate;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.integrations.IntegrationService;
import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.jobs.JobHistory;
import io.etlfleet.storage.sync.SyncStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An integration's incremental cursors: what the next incremental run starts from, and a
 * reset that makes the next run of one entity type read everything again.
 */
@RestController
@RequestMapping(path = "/api/v1/integrations/{id}/sync-state", produces = MediaType.APPLICATION_JSON_VALUE)
public class SyncStateController {

    private static final Logger log = LoggerFactory.getLogger(SyncStateController.class);

    private final IntegrationService integrations;
    private final IntegrationTypes types;
    private final SyncStateStore states;
    private final JobHistory history;

    public SyncStateController(IntegrationService integrations, IntegrationTypes types, SyncStateStore states,
            JobHistory history) {
        this.integrations = integrations;
        this.types = types;
        this.states = states;
        this.history = history;
    }

    @GetMapping
    public SyncStateResponse get(Caller caller, @PathVariable UUID id) {
        Integration integration = integrations.find(caller, id, null);
        Map<String, Instant> lastSuccess = history.lastSuccessByEntity(integration.id());
        Instant now = Instant.now();
        List<SyncStateResponse.Entity> entities = states.forIntegration(integration.id()).stream()
                .map(state -> new SyncStateResponse.Entity(state.entityType(), state.scope(), state.cursor(),
                        state.windowStart(), state.windowEnd(), state.lastJobId(), state.updatedAt(),
                        lastSuccess.get(state.entityType()),
                        state.updatedAt() == null ? null : Duration.between(state.updatedAt(), now).toSeconds()))
                .toList();
        return new SyncStateResponse(entities);
    }

    /** Forgets the cursors of one entity type (every scope); the next run reads it in full. */
    @DeleteMapping("/{entityType}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void reset(Caller caller, @PathVariable UUID id, @PathVariable String entityType) {
        Integration integration = integrations.find(caller, id, null);
        List<String> known = types.entityTypes(integration.type(), JsonColumns.MAPPER.readTree(integration.configJson()));
        if (!known.contains(entityType)) {
            throw ApiException.notFound("entity_type", "entity type", entityType + " of integration " + id);
        }
        int reset = states.reset(integration.id(), entityType);
        log.info("Reset the sync state of {} for integration {} ({} scope(s))", entityType, id, reset);
    }
}
