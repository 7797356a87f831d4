package io.etlfleet.api.config;

import io.etlfleet.api.files.IntegrationFileController;
import io.etlfleet.storage.files.FileStore;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.tenants.ApiKeyStore;
import io.etlfleet.storage.tenants.TenantStore;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own stores; Jdbi, the integration and job stores, the credential cipher and the
 * message codec come from the runtime module, shared with the workers.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    TenantStore tenantStore(Jdbi jdbi) {
        return new TenantStore(jdbi);
    }

    @Bean
    ApiKeyStore apiKeyStore(Jdbi jdbi) {
        return new ApiKeyStore(jdbi);
    }

    @Bean
    FileStore fileStore(Jdbi jdbi) {
        return new FileStore(jdbi);
    }

    @Bean
    IntegrationFileController.UploadLimit uploadLimit(BackendApiProperties properties) {
        return new IntegrationFileController.UploadLimit(properties.maxUploadSize().toBytes());
    }

    @Bean
    OutboxStore outboxStore() {
        return new OutboxStore();
    }
}
