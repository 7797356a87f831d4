package io.etlfleet.api.tenants;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.tenants.ApiKeyStore;
import io.etlfleet.storage.tenants.IssuedApiKey;
import io.etlfleet.storage.tenants.Tenant;
import io.etlfleet.storage.tenants.TenantStore;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants: created and listed by admins; a tenant key may read its own tenant. */
@RestController
@RequestMapping(path = "/api/v1/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
public class TenantController {

    static final int MAX_NAME_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(TenantController.class);

    private final Jdbi jdbi;
    private final TenantStore tenants;
    private final ApiKeyStore keys;

    public TenantController(Jdbi jdbi, TenantStore tenants, ApiKeyStore keys) {
        this.jdbi = jdbi;
        this.tenants = tenants;
        this.keys = keys;
    }

    /** Creates the tenant and its first key in one transaction. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public CreatedTenantResponse create(Caller caller, @RequestBody CreateTenantRequest request) {
        caller.requireAdmin();
        FieldErrors errors = new FieldErrors();
        if (errors.require("name", request.name()) && request.name().length() > MAX_NAME_LENGTH) {
            errors.add("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        errors.throwIfAny();
        String name = request.name().trim();
        IssuedApiKey key = jdbi.inTransaction(h -> keys.createTenantKey(h, tenants.create(h, name).id()));
        log.info("Created tenant {} ({}) with API key {}", key.tenantId(), name, key.prefix());
        return new CreatedTenantResponse(key.tenantId(), name, key.plainKey(), key.prefix());
    }

    @GetMapping
    public TenantListResponse list(Caller caller) {
        caller.requireAdmin();
        return new TenantListResponse(tenants.list().stream().map(TenantResponse::of).toList());
    }

    /** Another tenant's id answers 404 to a tenant key, as if it did not exist. */
    @GetMapping("/{id}")
    public TenantResponse get(Caller caller, @PathVariable UUID id) {
        Tenant tenant = tenants.find(id)
                .filter(found -> caller.canSee(found.id()))
                .orElseThrow(() -> ApiException.notFound("tenant", id));
        return TenantResponse.of(tenant);
    }
}
