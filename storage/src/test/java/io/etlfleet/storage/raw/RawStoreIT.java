package io.etlfleet.storage.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Fixtures.TenantIntegration;
import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class RawStoreIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static RawStore raw;
    private static TenantIntegration owner;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("raw_store");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        raw = new RawStore(jdbi);
        owner = Fixtures.aGithubIntegration(jdbi);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private RawBatch aBatch(String entity, List<NewRawRecord> records) {
        return new RawBatch(UUID.randomUUID(), UUID.randomUUID(), owner.tenantId(), owner.integrationId(), entity,
                "{\"endpoint\":\"/repos/a/b/issues\"}", records);
    }

    private int store(RawBatch batch) {
        return jdbi.inTransaction(h -> raw.insert(h, batch));
    }

    @Test
    void storesABatchInOneStatementAndReadsItBack() {
        Instant updated = Instant.parse("2024-05-01T10:00:00Z");
        RawBatch batch = aBatch("stores", List.of(
                NewRawRecord.of("a/b#1", "{\"number\":1,\"title\":\"one\"}", updated),
                NewRawRecord.of("a/b#2", "{\"number\":2,\"title\":\"two\"}", null)));

        int stored = store(batch);

        assertThat(stored).isEqualTo(2);
        List<RawRow> rows = jdbi.withHandle(h -> raw.batch(h, batch.batchId()));
        assertThat(rows).extracting(RawRow::externalId).containsExactly("a/b#1", "a/b#2");
        assertThat(rows.get(0).sourceUpdatedAt()).isEqualTo(updated);
        assertThat(rows.get(0).rawJson()).contains("\"title\": \"one\"");
    }

    @Test
    void anUnchangedObjectIsStoredOnceAndAChangedOneAgain() {
        NewRawRecord first = NewRawRecord.of("a/b#7", "{\"number\":7,\"title\":\"v1\"}", null);
        NewRawRecord changed = NewRawRecord.of("a/b#7", "{\"number\":7,\"title\":\"v2\"}", null);

        assertThat(store(aBatch("dedupe", List.of(first)))).isEqualTo(1);
        assertThat(store(aBatch("dedupe", List.of(first, first)))).isZero();
        assertThat(store(aBatch("dedupe", List.of(first, changed)))).isEqualTo(1);
        assertThat(raw.count(owner.integrationId(), "dedupe")).isEqualTo(2);
    }

    @Test
    void marksRowsTransformed() {
        RawBatch batch = aBatch("marks", List.of(NewRawRecord.of("a/b#9", "{\"n\":9}", null)));
        jdbi.useTransaction(h -> raw.insert(h, batch));
        List<Long> ids = jdbi.withHandle(h -> raw.batch(h, batch.batchId())).stream().map(RawRow::id).toList();

        int marked = jdbi.withHandle(h -> raw.markTransformed(h, ids));
        long transformed = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from etl.raw_extraction_data where transformed_at is not null and batch_id = :b")
                .bind("b", batch.batchId()).mapTo(Long.class).one());

        assertThat(marked).isEqualTo(1);
        assertThat(transformed).isEqualTo(1L);
    }
}
