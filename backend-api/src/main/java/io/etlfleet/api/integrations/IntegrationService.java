package io.etlfleet.api.integrations;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.integrations.NewIntegration;
import io.etlfleet.storage.tenants.Tenant;
import io.etlfleet.storage.tenants.TenantStore;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Creates and reads integrations within the caller's reach; credentials go in, never out. */
@Service
public class IntegrationService {

    static final int MAX_NAME_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);

    private final IntegrationStore integrations;
    private final TenantStore tenants;
    private final IntegrationTypes types;
    private final JsonMapper json;

    public IntegrationService(IntegrationStore integrations, TenantStore tenants, IntegrationTypes types,
            JsonMapper json) {
        this.integrations = integrations;
        this.tenants = tenants;
        this.types = types;
        this.json = json;
    }

    public IntegrationResponse create(Caller caller, CreateIntegrationRequest request) {
        UUID tenantId = owner(caller, request.tenantId());
        FieldErrors errors = new FieldErrors();
        if (errors.require("type", request.type()) && types.refusal(request.type()) != null) {
            errors.add("type", types.refusal(request.type()));
        }
        if (errors.require("name", request.name()) && request.name().length() > MAX_NAME_LENGTH) {
            errors.add("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (request.config() == null || request.config().isNull()) {
            errors.add("config", "is required");
        } else if (!request.config().isObject()) {
            errors.add("config", "must be a JSON object");
        }
        errors.require("credentials", request.credentials());
        errors.throwIfAny();
        types.validate(request.type(), request.config(), request.credentials());
        Integration created = integrations.create(new NewIntegration(tenantId, request.type(), request.name().trim(),
                json.writeValueAsString(request.config()), request.credentials()));
        log.info("Created {} integration {} '{}' for tenant {}", created.type(), created.id(), created.name(), tenantId);
        return response(created);
    }

    /** The integration if the caller may see it; 404 otherwise, blaming {@code field} when given. */
    public Integration find(Caller caller, UUID id, String field) {
        return (caller.isAdmin() ? integrations.find(id) : integrations.findForTenant(caller.tenantId(), id))
                .orElseThrow(() -> field == null
                        ? ApiException.notFound("integration", id)
                        : ApiException.notFound(field, "integration", id));
    }

    /** The caller's integrations; admins see every tenant's, or one tenant's with {@code tenantId}. */
    public List<IntegrationResponse> list(Caller caller, UUID tenantId) {
        List<Integration> found;
        if (caller.isAdmin()) {
            found = tenantId == null ? integrations.listAll() : integrations.list(tenantId);
        } else if (tenantId == null || tenantId.equals(caller.tenantId())) {
            found = integrations.list(caller.tenantId());
        } else {
            found = List.of();
        }
        return found.stream().map(this::response).toList();
    }

    public IntegrationResponse response(Integration integration) {
        return new IntegrationResponse(integration.id(), integration.tenantId(), integration.type(), integration.name(),
                json.readTree(integration.configJson()), integration.enabled(), integration.createdAt(),
                integration.updatedAt());
    }

    private UUID owner(Caller caller, UUID requested) {
        if (!caller.isAdmin()) {
            if (requested != null && !requested.equals(caller.tenantId())) {
                throw ApiException.badRequest("tenant_id", "only admin keys may create integrations for another tenant");
            }
            return caller.tenantId();
        }
        if (requested == null) {
            throw ApiException.badRequest("tenant_id",
                    "is required with an admin key: an integration belongs to a tenant");
        }
        return tenants.find(requested).map(Tenant::id)
                .orElseThrow(() -> ApiException.notFound("tenant_id", "tenant", requested));
    }
}
