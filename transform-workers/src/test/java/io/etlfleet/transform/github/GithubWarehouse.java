package io.etlfleet.transform.github;

import io.etlfleet.storage.JsonColumns;
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
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/** A migrated database of its own with one tenant and GitHub integration, for the GitHub loader ITs. */
final class GithubWarehouse implements AutoCloseable {

    private final TestDatabase database;
    private final Jdbi jdbi;
    private final RawStore raw;
    private final UUID tenant = UUID.randomUUID();
    private final UUID integration = UUID.randomUUID();

    GithubWarehouse(String label) {
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
                    values (?, ?, 'github', 'gh', '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant);
        });
    }

    /** Stores the objects as one raw batch (one extracted page) of {@code entityType}. */
    List<RawRow> store(String entityType, Function<JsonNode, String> externalId, GithubObjects... objects) {
        UUID batch = UUID.randomUUID();
        List<NewRawRecord> records = Arrays.stream(objects).map(GithubObjects::build)
                .map(o -> NewRawRecord.of(externalId.apply(o), o.toString(), Instant.now())).toList();
        jdbi.useTransaction(h -> raw.insert(h, new RawBatch(batch, UUID.randomUUID(), tenant, integration, entityType,
                "{}", records)));
        return jdbi.withHandle(h -> raw.batch(h, batch));
    }

    LoadResult load(EntityLoader loader, List<RawRow> rows) {
        return jdbi.inTransaction(h -> loader.load(h, rows));
    }

    /**
     * Every row of {@code table} as JSON objects (timestamps in UTC), ordered by {@code orderBy}.
     * {@code loaded_at} is kept apart: {@link #loadedAt} tells whether a load rewrote a row.
     */
    List<JsonNode> rows(String table, String orderBy) {
        return jdbi.withHandle(h -> {
            h.execute("set time zone 'UTC'");
            return h.createQuery("select (to_jsonb(t) - 'loaded_at')::text from warehouse." + table + " t order by "
                    + orderBy).mapTo(String.class).list();
        }).stream().map(JsonColumns.MAPPER::readTree).toList();
    }

    List<Instant> loadedAt(String table, String orderBy) {
        return jdbi.withHandle(h -> h.createQuery("select loaded_at from warehouse." + table + " order by " + orderBy)
                .mapTo(Instant.class).list());
    }

    /** {@code json} with {@code $tenant} and {@code $integration} replaced, parsed. */
    JsonNode expected(String json) {
        return JsonColumns.MAPPER.readTree(json.replace("$tenant", tenant.toString())
                .replace("$integration", integration.toString()));
    }

    /** Empties {@code table} and the raw store, so a test can store an object another test stored. */
    void reset(String table) {
        jdbi.useHandle(h -> h.execute("delete from warehouse." + table + "; delete from etl.raw_extraction_data"));
    }

    void execute(String sql) {
        jdbi.useHandle(h -> h.execute(sql));
    }

    @Override
    public void close() {
        database.close();
    }
}
