package io.etlfleet.api.tenants;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.tenants.ApiKeyStore;
import io.etlfleet.storage.tenants.IssuedApiKey;
import io.etlfleet.storage.tenants.TenantStore;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's API keys, managed by admins or by the tenant itself: list (prefixes only), issue
 * (the key is shown once), revoke. Another tenant's keys answer 404.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenantId}/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiKeyController {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyController.class);

    private final TenantStore tenants;
    private final ApiKeyStore keys;

    public ApiKeyController(TenantStore tenants, ApiKeyStore keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    @GetMapping
    public ApiKeyListResponse list(Caller caller, @PathVariable UUID tenantId) {
        requireVisible(caller, tenantId);
        return new ApiKeyListResponse(keys.list(tenantId).stream().map(ApiKeyResponse::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedApiKeyResponse issue(Caller caller, @PathVariable UUID tenantId) {
        requireVisible(caller, tenantId);
        IssuedApiKey key = keys.createTenantKey(tenantId);
        log.info("Issued API key {} for tenant {}", key.prefix(), tenantId);
        return new IssuedApiKeyResponse(key.id(), key.plainKey(), key.prefix());
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(Caller caller, @PathVariable UUID tenantId, @PathVariable UUID keyId) {
        requireVisible(caller, tenantId);
        boolean owned = keys.list(tenantId).stream().anyMatch(key -> key.id().equals(keyId) && !key.revoked());
        if (!owned || !keys.revoke(keyId)) {
            throw ApiException.notFound("API key", keyId);
        }
        log.info("Revoked API key {} of tenant {}", keyId, tenantId);
    }

    private void requireVisible(Caller caller, UUID tenantId) {
        if (!caller.canSee(tenantId) || tenants.find(tenantId).isEmpty()) {
            throw ApiException.notFound("tenant", tenantId);
        }
    }
}
