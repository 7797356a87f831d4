package io.etlfleet.storage.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.util.Arrays;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiKeyStoreIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static TenantStore tenants;
    private static ApiKeyStore keys;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("api_key_store");
        jdbi = TenantStoreIT.jdbi(database);
        tenants = new TenantStore(jdbi);
        keys = new ApiKeyStore(jdbi);
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void issuesARecognisableRandomKeyAndStoresOnlyItsHash() {
        Tenant tenant = tenants.create("hash-" + UUID.randomUUID());

        IssuedApiKey issued = keys.createTenantKey(tenant.id());

        assertThat(issued.plainKey()).startsWith("etl_").hasSize(4 + 43);
        assertThat(issued.prefix()).hasSize(8).isEqualTo(issued.plainKey().substring(0, 8));
        assertThat(issued.toString()).doesNotContain(issued.plainKey());
        byte[] stored = jdbi.withHandle(h -> h.createQuery("select key_hash from etl.api_keys where id = :id")
                .bind("id", issued.id()).mapTo(byte[].class).one());
        assertThat(stored).isEqualTo(ApiKeyStore.hash(issued.plainKey()));
        String row = jdbi.withHandle(h -> h.createQuery("select row_to_json(k)::text from etl.api_keys k where id = :id")
                .bind("id", issued.id()).mapTo(String.class).one());
        assertThat(row).doesNotContain(issued.plainKey().substring(8));
    }

    @Test
    void authenticatesATenantKeyAsItsTenant() {
        Tenant tenant = tenants.create("auth-" + UUID.randomUUID());
        IssuedApiKey issued = keys.createTenantKey(tenant.id());

        assertThat(keys.authenticate(issued.plainKey()))
                .contains(ApiKeyPrincipal.tenant(issued.id(), tenant.id()));
    }

    @Test
    void authenticatesAnAdminKeyWithoutATenant() {
        IssuedApiKey issued = keys.createAdminKey();

        assertThat(keys.authenticate(issued.plainKey())).hasValueSatisfying(principal -> {
            assertThat(principal.isAdmin()).isTrue();
            assertThat(principal.tenantId()).isNull();
        });
    }

    @Test
    void rejectsUnknownMalformedAndAlteredKeys() {
        Tenant tenant = tenants.create("reject-" + UUID.randomUUID());
        String plain = keys.createTenantKey(tenant.id()).plainKey();
        char[] altered = plain.toCharArray();
        altered[altered.length - 1] = altered[altered.length - 1] == 'A' ? 'B' : 'A';

        assertThat(keys.authenticate(new String(altered))).isEmpty();
        assertThat(keys.authenticate("not-a-key")).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void stopsAuthenticatingARevokedKey() {
        Tenant tenant = tenants.create("revoke-" + UUID.randomUUID());
        IssuedApiKey issued = keys.createTenantKey(tenant.id());

        assertThat(keys.revoke(issued.id())).isTrue();

        assertThat(keys.authenticate(issued.plainKey())).isEmpty();
        assertThat(keys.revoke(issued.id())).isFalse();
        assertThat(keys.list(tenant.id())).singleElement().satisfies(key -> assertThat(key.revoked()).isTrue());
    }

    @Test
    void listsOnlyTheTenantsOwnKeysWithoutTheirSecrets() {
        Tenant tenant = tenants.create("list-" + UUID.randomUUID());
        Tenant other = tenants.create("other-" + UUID.randomUUID());
        IssuedApiKey first = keys.createTenantKey(tenant.id());
        IssuedApiKey second = keys.createTenantKey(tenant.id());
        keys.createTenantKey(other.id());

        assertThat(keys.list(tenant.id()))
                .extracting(ApiKey::id, ApiKey::prefix, ApiKey::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first.id(), first.prefix(), ApiKeyRole.TENANT),
                        org.assertj.core.groups.Tuple.tuple(second.id(), second.prefix(), ApiKeyRole.TENANT));
        assertThat(Arrays.asList(ApiKey.class.getRecordComponents()))
                .noneMatch(component -> component.getName().toLowerCase().contains("plain"));
    }

    @Test
    void createsATenantAndItsKeyInOneTransaction() {
        String name = "together-" + UUID.randomUUID();

        IssuedApiKey issued = jdbi.inTransaction(h -> keys.createTenantKey(h, tenants.create(h, name).id()));

        assertThat(keys.authenticate(issued.plainKey())).map(ApiKeyPrincipal::tenantId).contains(issued.tenantId());
    }
}
