package io.etlfleet.api.integrations;

import io.etlfleet.api.security.Caller;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Integrations of the caller's tenant; another tenant's integration answers 404. */
@RestController
@RequestMapping(path = "/api/v1/integrations", produces = MediaType.APPLICATION_JSON_VALUE)
public class IntegrationController {

    private final IntegrationService integrations;

    public IntegrationController(IntegrationService integrations) {
        this.integrations = integrations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<IntegrationResponse> create(Caller caller, @RequestBody CreateIntegrationRequest request) {
        IntegrationResponse created = integrations.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + created.id())).body(created);
    }

    @GetMapping
    public IntegrationListResponse list(Caller caller, @RequestParam(name = "tenant_id", required = false) UUID tenantId) {
        return new IntegrationListResponse(integrations.list(caller, tenantId));
    }

    @GetMapping("/{id}")
    public IntegrationResponse get(Caller caller, @PathVariable UUID id) {
        return integrations.response(integrations.find(caller, id, null));
    }
}
