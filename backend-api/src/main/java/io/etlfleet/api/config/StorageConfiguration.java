package io.etlfleet.api.config;

import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.tenants.ApiKeyStore;
import io.etlfleet.storage.tenants.TenantStore;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stores of the shared storage module, on the app's pooled DataSource. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Storage.jdbi(dataSource);
    }

    @Bean
    CredentialCipher credentialCipher(BackendApiProperties properties) {
        return CredentialCipher.fromSettings(properties.masterKey(), properties.previousMasterKeys());
    }

    @Bean
    TenantStore tenantStore(Jdbi jdbi) {
        return new TenantStore(jdbi);
    }

    @Bean
    ApiKeyStore apiKeyStore(Jdbi jdbi) {
        return new ApiKeyStore(jdbi);
    }

    @Bean
    IntegrationStore integrationStore(Jdbi jdbi, CredentialCipher cipher) {
        return new IntegrationStore(jdbi, cipher);
    }

    @Bean
    JobStore jobStore(Jdbi jdbi) {
        return new JobStore(jdbi);
    }

    @Bean
    OutboxStore outboxStore() {
        return new OutboxStore();
    }

    @Bean
    JobMessageCodec jobMessageCodec() {
        return new JobMessageCodec();
    }
}
