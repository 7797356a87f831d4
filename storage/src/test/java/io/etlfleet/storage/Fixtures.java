package io.etlfleet.storage;

import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Minimal tenant and integration rows that jobs and raw data refer to. */
public final class Fixtures {

    private Fixtures() {
    }

    public record TenantIntegration(UUID tenantId, UUID integrationId) {
    }

    public static TenantIntegration aGithubIntegration(Jdbi jdbi) {
        UUID tenant = UUID.randomUUID();
        UUID integration = UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.execute("insert into etl.tenants (id, name) values (?, ?)", tenant, "tenant-" + tenant);
            h.execute("""
                    insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                    values (?, ?, 'github', 'gh', '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant);
        });
        return new TenantIntegration(tenant, integration);
    }
}
