package io.etlfleet.api.admin;

import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.integrations.IntegrationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code ETL_REENCRYPT_CREDENTIALS_ON_START=true}, re-encrypts credentials stored under a
 * previous master key at start, as {@code POST /api/v1/admin/credentials/re-encrypt} does.
 */
@Component
@ConditionalOnBooleanProperty("etl.api.reencrypt-credentials-on-start")
class ReencryptOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReencryptOnStart.class);

    private final IntegrationStore integrations;
    private final CredentialCipher cipher;

    ReencryptOnStart(IntegrationStore integrations, CredentialCipher cipher) {
        this.integrations = integrations;
        this.cipher = cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        int reencrypted = integrations.reencryptWithCurrentKey();
        log.info("Re-encrypted the credentials of {} integration(s) with master key {} at start", reencrypted,
                cipher.currentKeyId());
    }
}
