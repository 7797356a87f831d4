package io.etlfleet.api.workers;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.runtime.FleetProperties;
import io.etlfleet.storage.workers.WorkerConcurrencyStore;
import io.etlfleet.storage.workers.WorkerInfo;
import io.etlfleet.storage.workers.WorkerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Worker processes and their concurrency. Any key may list workers (they hold no tenant data);
 * changing concurrency takes an admin key. Running workers apply a change within
 * {@code ETL_CONCURRENCY_POLL_INTERVAL}, without restarting.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class WorkerController {

    static final Set<String> KINDS = Set.of("extract", "transform");
    private static final Logger log = LoggerFactory.getLogger(WorkerController.class);

    private final WorkerRegistry registry;
    private final WorkerConcurrencyStore concurrency;
    private final Duration staleAfter;
    private final Clock clock = Clock.systemUTC();

    public WorkerController(Jdbi jdbi, WorkerConcurrencyStore concurrency, FleetProperties fleet) {
        this.registry = new WorkerRegistry(jdbi);
        this.concurrency = concurrency;
        this.staleAfter = fleet.staleAfter();
    }

    @GetMapping("/workers")
    public WorkerListResponse list(Caller caller) {
        Map<String, Map<String, Integer>> desired = concurrency.desiredOfLiveWorkers();
        Instant now = clock.instant();
        return new WorkerListResponse(registry.live().stream().map(worker -> {
            Duration age = Duration.between(worker.heartbeatAt(), now);
            return new WorkerResponse(worker.id(), worker.kind(), worker.types(), worker.concurrency(),
                    desired.getOrDefault(worker.id(), Map.of()), worker.host(), worker.pid(), worker.jobsInHand(),
                    worker.startedAt(), worker.heartbeatAt(), Math.max(0, age.toSeconds()), age.compareTo(staleAfter) > 0);
        }).toList());
    }

    @PutMapping(path = "/workers/{id}/concurrency", consumes = MediaType.APPLICATION_JSON_VALUE)
    public WorkerResponse setForWorker(Caller caller, @PathVariable String id, @RequestBody WorkerConcurrencyRequest request) {
        caller.requireAdmin();
        WorkerInfo worker = registry.live().stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("worker", id));
        FieldErrors errors = new FieldErrors();
        if (request.concurrency() == null || request.concurrency().isEmpty()) {
            errors.add("concurrency", "must name at least one integration type, e.g. {\"github\":4}");
        } else {
            request.concurrency().forEach((type, value) -> {
                String field = "concurrency." + type;
                if (!worker.types().contains(type)) {
                    errors.add(field, "worker " + id + " does not consume " + type + "; it consumes " + worker.types());
                } else {
                    checkRange(errors, field, value);
                }
            });
        }
        errors.throwIfAny();
        if (!concurrency.setForWorker(id, request.concurrency())) {
            throw ApiException.notFound("worker", id);
        }
        log.info("Desired concurrency of worker {} set to {}", id, request.concurrency());
        return list(caller).workers().stream().filter(w -> w.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("worker", id));
    }

    @PutMapping(path = "/worker-types/{kind}/{type}/concurrency", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TypeConcurrencyResponse setForType(Caller caller, @PathVariable String kind, @PathVariable String type,
            @RequestBody TypeConcurrencyRequest request) {
        caller.requireAdmin();
        FieldErrors errors = new FieldErrors();
        if (!KINDS.contains(kind)) {
            errors.add("kind", "must be extract or transform");
        }
        if (!QueueNames.INTEGRATION_TYPES.contains(type)) {
            errors.add("type", "must be one of " + QueueNames.INTEGRATION_TYPES);
        }
        checkRange(errors, "concurrency", request.concurrency());
        errors.throwIfAny();
        concurrency.setForType(kind, type, request.concurrency());
        log.info("Fleet-wide desired concurrency of {} {} workers set to {}", kind, type, request.concurrency());
        return new TypeConcurrencyResponse(kind, type, request.concurrency());
    }

    private static void checkRange(FieldErrors errors, String field, Integer value) {
        if (value == null) {
            errors.add(field, "is required");
        } else if (value < 1 || value > WorkerConcurrencyStore.MAX_CONCURRENCY) {
            errors.add(field, "must be between 1 and " + WorkerConcurrencyStore.MAX_CONCURRENCY);
        }
    }
}
