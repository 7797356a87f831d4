package io.etlfleet.api.admin;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.security.Caller;
import io.etlfleet.api.tenants.ApiKeyListResponse;
import io.etlfleet.api.tenants.ApiKeyResponse;
import io.etlfleet.api.tenants.IssuedApiKeyResponse;
import io.etlfleet.storage.tenants.ApiKeyStore;
import io.etlfleet.storage.tenants.IssuedApiKey;
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
 * Admin API keys, kept in the database so {@code ETL_ADMIN_TOKEN} can be unset once one
 * exists: list (prefixes only), issue (the key is shown once), revoke. Admins only.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/api-keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class AdminKeyController {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyController.class);

    private final ApiKeyStore keys;

    public AdminKeyController(ApiKeyStore keys) {
        this.keys = keys;
    }

    @GetMapping
    public ApiKeyListResponse list(Caller caller) {
        caller.requireAdmin();
        return new ApiKeyListResponse(keys.listAdminKeys().stream().map(ApiKeyResponse::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedApiKeyResponse issue(Caller caller) {
        caller.requireAdmin();
        IssuedApiKey key = keys.createAdminKey();
        log.info("Issued admin API key {}", key.prefix());
        return new IssuedApiKeyResponse(key.id(), key.plainKey(), key.prefix());
    }

    /** Revokes an admin key; 404 for unknown, already revoked or tenant keys. */
    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(Caller caller, @PathVariable UUID keyId) {
        caller.requireAdmin();
        boolean admin = keys.listAdminKeys().stream().anyMatch(key -> key.id().equals(keyId) && !key.revoked());
        if (!admin || !keys.revoke(keyId)) {
            throw ApiException.notFound("admin API key", keyId);
        }
        log.info("Revoked admin API key {}", keyId);
    }
}
