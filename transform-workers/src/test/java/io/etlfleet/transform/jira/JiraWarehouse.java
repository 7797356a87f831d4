package io.etlfleet.transform.jira;

import io.etlfleet.storage.Storage;
import io.etlfleet.storage.raw.NewRawRecord;
import io.etlfleet.storage.raw.RawBatch;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/** A migrated database of its own with one tenant and Jira integration, for the Jira loader ITs. */
final class JiraWarehouse implements AutoCloseable {

    private final TestDatabase database;
    private final Jdbi jdbi;
    private final RawStore raw;
    private final UUID tenant = UUID.randomUUID();
    private final UUID integration = UUID.randomUUID();

    JiraWarehouse(String label) {
        database = TestServices.postgres().createDatabase(label);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        raw = new RawStore(jdbi);
        jdbi.useHandle(h -> {
            h.execute("insert into etl.tenants (id, name) values (?, 'acme')", tenant);
            h.execute("""
                    insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                    values (?, ?, 'jira', 'jira', '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant);
        });
    }

    /** Stores the objects as one raw batch of {@code entityType}, external id from {@code idField}. */
    List<RawRow> store(String entityType, String idField, JsonNode... objects) {
        UUID batch = UUID.randomUUID();
        List<NewRawRecord> records = Arrays.stream(objects)
                .map(o -> NewRawRecord.of(o.path(idField).asString(), o.toString(), Instant.now())).toList();
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration, entityType,
                "{}", records)));
        return jdbi.withHandle(h -> raw.batch(h, batch));
    }

    LoadResult load(EntityLoader loader, List<RawRow> rows) {
        return jdbi.inTransaction(h -> loader.load(h, rows));
    }

    List<Map<String, Object>> query(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list());
    }

    void execute(String sql) {
        jdbi.useHandle(h -> h.execute(sql));
    }

    UUID tenant() {
        return tenant;
    }

    @Override
    public void close() {
        database.close();
    }
}
