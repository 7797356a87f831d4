package io.etlfleet.api.schedules;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.schedules.ScheduleStore;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cron schedules that enqueue extractions; the runner in {@link ScheduleRunner} fires them. */
@RestController
@RequestMapping(path = "/api/v1/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
public class ScheduleController {

    static final int MAX_RUNS = 100;

    private final ScheduleService schedules;
    private final ScheduleStore store;

    public ScheduleController(ScheduleService schedules, ScheduleStore store) {
        this.schedules = schedules;
        this.store = store;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ScheduleResponse> create(Caller caller, @RequestBody CreateScheduleRequest request) {
        ScheduleResponse created = schedules.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + created.id())).body(created);
    }

    @GetMapping
    public ScheduleResponse.Listing list(Caller caller,
            @RequestParam(name = "integration_id", required = false) UUID integrationId) {
        return new ScheduleResponse.Listing(schedules.list(caller, integrationId));
    }

    @GetMapping("/{id}")
    public ScheduleResponse get(Caller caller, @PathVariable UUID id) {
        return schedules.get(caller, id);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ScheduleResponse update(Caller caller, @PathVariable UUID id, @RequestBody UpdateScheduleRequest request) {
        return schedules.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID id) {
        schedules.delete(caller, id);
    }

    /** The schedule's most recent firings, newest first: what each enqueued or skipped. */
    @GetMapping("/{id}/runs")
    public ScheduleRunResponse.Listing runs(Caller caller, @PathVariable UUID id,
            @RequestParam(required = false, defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw ApiException.badRequest("limit", "must be between 1 and " + MAX_RUNS);
        }
        schedules.find(caller, id);
        return new ScheduleRunResponse.Listing(store.runs(id, limit).stream().map(ScheduleRunResponse::of).toList());
    }
}
