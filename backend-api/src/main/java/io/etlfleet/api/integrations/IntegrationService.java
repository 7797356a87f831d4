package io.etlfleet.api.integrations;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.api.errors.QueryParams;
import io.etlfleet.api.paging.Cursors;
import io.etlfleet.api.security.Caller;
import io.etlfleet.api.security.SourceUrlPolicy;
import io.etlfleet.storage.crypto.CredentialCipherException;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationChange;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.integrations.NewIntegration;
import io.etlfleet.storage.jobs.JobHistory;
import io.etlfleet.storage.tenants.Tenant;
import io.etlfleet.storage.tenants.TenantStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Creates, reads, changes and deletes integrations within the caller's reach; credentials go in, never out. */
@Service
public class IntegrationService {

    static final int MAX_NAME_LENGTH = 200;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    private static final Logger log = LoggerFactory.getLogger(IntegrationService.class);

    private final IntegrationStore integrations;
    private final TenantStore tenants;
    private final IntegrationTypes types;
    private final JsonMapper json;
    private final SourceUrlPolicy urls;
    private final JobHistory history;

    public IntegrationService(IntegrationStore integrations, TenantStore tenants, IntegrationTypes types,
            JsonMapper json, SourceUrlPolicy urls, JobHistory history) {
        this.integrations = integrations;
        this.tenants = tenants;
        this.types = types;
        this.json = json;
        this.urls = urls;
        this.history = history;
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
        urls.check(request.config());
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

    /**
     * One page of the caller's integrations by name; admins see every tenant's, or one
     * tenant's with {@code tenant_id}.
     */
    public IntegrationListResponse list(Caller caller, String tenantId, String limit, String cursor) {
        FieldErrors errors = new FieldErrors();
        UUID tenant = QueryParams.uuid(errors, "tenant_id", tenantId);
        int size = QueryParams.bounded(errors, "limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<String> after = Cursors.decode(errors, cursor, 2);
        UUID afterId = after == null ? null : QueryParams.uuid(errors, "cursor", after.get(1));
        errors.throwIfAny();
        if (!caller.isAdmin()) {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return new IntegrationListResponse(List.of(), null);
            }
            tenant = caller.tenantId();
        }
        List<Integration> page = integrations.page(tenant, after == null ? null : after.get(0), afterId, size);
        Integration last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = page.size() < size ? null : Cursors.encode(last.name(), last.id());
        return new IntegrationListResponse(page.stream().map(this::response).toList(), next);
    }

    /** Changes name, config and credentials, validated together as for a new integration. */
    public IntegrationResponse update(Caller caller, UUID id, UpdateIntegrationRequest request) {
        Integration current = find(caller, id, null);
        FieldErrors errors = new FieldErrors();
        if (request.name() != null && (request.name().isBlank() || request.name().length() > MAX_NAME_LENGTH)) {
            errors.add("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (request.config() != null && !request.config().isObject()) {
            errors.add("config", "must be a JSON object");
        }
        if (request.credentials() != null && request.credentials().isEmpty()) {
            errors.add("credentials", "must not be empty");
        }
        errors.throwIfAny();
        if (request.config() != null || request.credentials() != null) {
            var config = request.config() != null ? request.config() : json.readTree(current.configJson());
            Map<String, String> credentials = request.credentials() != null ? request.credentials()
                    : storedCredentials(current);
            urls.check(config);
            types.validate(current.type(), config, credentials);
        }
        Integration updated = integrations.update(id, new IntegrationChange(
                        request.name() == null ? null : request.name().trim(),
                        request.config() == null ? null : json.writeValueAsString(request.config()),
                        request.credentials()))
                .orElseThrow(() -> ApiException.notFound("integration", id));
        log.info("Updated integration {} (name {}, config {}, credentials {})", id, request.name() != null,
                request.config() != null, request.credentials() != null);
        return response(updated);
    }

    private Map<String, String> storedCredentials(Integration integration) {
        try {
            return integrations.credentials(integration);
        } catch (CredentialCipherException e) {
            log.warn("Integration {} credentials cannot be decrypted: {}", integration.id(), e.getMessage());
            throw ApiException.conflict("credentials", "the stored credentials cannot be decrypted with the configured "
                    + "master keys; send credentials with the new config");
        }
    }

    /** @throws ApiException 409 while the integration has queued, running or retrying jobs */
    public void delete(Caller caller, UUID id) {
        Integration integration = find(caller, id, null);
        long active = history.activeJobs(integration.id());
        if (active > 0) {
            throw ApiException.conflict("id", "integration " + id + " has " + active
                    + " active job(s); disable it and wait, or cancel them, before deleting it");
        }
        if (!integrations.delete(integration.id())) {
            throw ApiException.notFound("integration", id);
        }
        log.info("Deleted integration {} '{}'", id, integration.name());
    }

    public IntegrationResponse setEnabled(Caller caller, UUID id, boolean enabled) {
        Integration integration = find(caller, id, null);
        integrations.setEnabled(integration.id(), enabled);
        log.info("{} integration {}", enabled ? "Enabled" : "Disabled", id);
        return response(find(caller, id, null));
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
