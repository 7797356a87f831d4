package io.etlfleet.api.admin;

import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.integrations.IntegrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master key rotation (admin): after {@code ETL_MASTER_KEY} changes and the old key moves to
 * {@code ETL_PREVIOUS_MASTER_KEYS}, this re-encrypts every integration's credentials with the
 * current key, after which the previous key can be removed.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
public class CredentialKeyController {

    private static final Logger log = LoggerFactory.getLogger(CredentialKeyController.class);

    private final IntegrationStore integrations;
    private final CredentialCipher cipher;

    public CredentialKeyController(IntegrationStore integrations, CredentialCipher cipher) {
        this.integrations = integrations;
        this.cipher = cipher;
    }

    @PostMapping("/re-encrypt")
    public ReencryptResponse reencrypt(Caller caller) {
        caller.requireAdmin();
        int reencrypted = integrations.reencryptWithCurrentKey();
        log.info("Re-encrypted the credentials of {} integration(s) with master key {}", reencrypted,
                cipher.currentKeyId());
        return new ReencryptResponse(reencrypted, cipher.currentKeyId());
    }

    /** @param currentKeyId the id of the master key every re-encrypted credential now uses */
    public record ReencryptResponse(int reencrypted, String currentKeyId) {
    }
}
