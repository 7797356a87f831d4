package io.etlfleet.storage.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class TenantStoreIT {

    private static TestDatabase database;
    private static TenantStore tenants;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("tenant_store");
        tenants = new TenantStore(jdbi(database));
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void createsAndFindsATenant() {
        Tenant created = tenants.create("acme-" + UUID.randomUUID());

        assertThat(tenants.find(created.id())).contains(created);
        assertThat(created.createdAt()).isNotNull();
    }

    @Test
    void refusesASecondTenantWithTheSameName() {
        String name = "globex-" + UUID.randomUUID();
        tenants.create(name);

        assertThatThrownBy(() -> tenants.create(name))
                .isInstanceOf(DuplicateNameException.class)
                .hasMessageContaining(name);
    }

    @Test
    void listsTenantsOldestFirst() {
        Tenant first = tenants.create("first-" + UUID.randomUUID());
        Tenant second = tenants.create("second-" + UUID.randomUUID());

        assertThat(tenants.list()).containsSubsequence(first, second);
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(tenants.find(UUID.randomUUID())).isEmpty();
    }

    static Jdbi jdbi(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return Storage.jdbi(dataSource);
    }
}
