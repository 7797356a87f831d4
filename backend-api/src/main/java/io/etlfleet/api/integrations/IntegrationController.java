package io.etlfleet.api.integrations;

import io.etlfleet.api.security.Caller;
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

/** Integrations of the caller's tenant; another tenant's integration answers 404. */
@RestController
@RequestMapping(path = "/api/v1/integrations", produces = MediaType.APPLICATION_JSON_VALUE)
public class IntegrationController {

    private final IntegrationService integrations;
    private final ConnectionTester tester;

    public IntegrationController(IntegrationService integrations, ConnectionTester tester) {
        this.integrations = integrations;
        this.tester = tester;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IntegrationResponse> create(Caller caller, @RequestBody CreateIntegrationRequest request) {
        IntegrationResponse created = integrations.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + created.id())).body(created);
    }

    /** By name; {@code limit} 1 to 500 (default 100), {@code cursor} the previous page's {@code next_cursor}. */
    @GetMapping
    public IntegrationListResponse list(Caller caller,
            @RequestParam(name = "tenant_id", required = false) String tenantId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return integrations.list(caller, tenantId, limit, cursor);
    }

    @GetMapping("/{id}")
    public IntegrationResponse get(Caller caller, @PathVariable UUID id) {
        return integrations.response(integrations.find(caller, id, null));
    }

    /** Changes name, config or credentials; the type cannot change. */
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public IntegrationResponse update(Caller caller, @PathVariable UUID id,
            @RequestBody UpdateIntegrationRequest request) {
        return integrations.update(caller, id, request);
    }

    /** Deletes the integration; 409 while it has queued or running jobs. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID id) {
        integrations.delete(caller, id);
    }

    @PostMapping("/{id}/enable")
    public IntegrationResponse enable(Caller caller, @PathVariable UUID id) {
        return integrations.setEnabled(caller, id, true);
    }

    /** A disabled integration keeps its data; extractions of it answer 409 until it is enabled. */
    @PostMapping("/{id}/disable")
    public IntegrationResponse disable(Caller caller, @PathVariable UUID id) {
        return integrations.setEnabled(caller, id, false);
    }

    /** Checks credentials and reachability with the source, extracting nothing. */
    @PostMapping("/{id}/test")
    public ConnectionTestResponse test(Caller caller, @PathVariable UUID id) {
        return tester.test(integrations.find(caller, id, null));
    }
}
