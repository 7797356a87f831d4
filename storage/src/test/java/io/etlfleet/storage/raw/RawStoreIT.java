package io.etlfleet.storage.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.JsonColumns;
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
    void keepsNulAndLoneSurrogatesLosslesslyAndSaysWhichFormItUsed() {
        String original = "{\"number\":9,\"title\":\"pasted log \\u0000 with \\ud800 and 😀\",\"state\":\"open\"}";
        String originalText = JsonColumns.write(JsonColumns.MAPPER.readTree(original));
        RawBatch batch = aBatch("hostile", List.of(NewRawRecord.of("a/b#9", originalText, null),
                NewRawRecord.of("a/b#10", "{\"number\":10,\"title\":\"fine\"}", null)));

        assertThat(store(batch)).isEqualTo(2);

        List<RawRow> rows = jdbi.withHandle(h -> raw.batch(h, batch.batchId()));
        // jsonb keeps objects, not their text: key order and spacing are its own, every value is the original.
        assertThat(JsonColumns.MAPPER.readTree(rows.get(0).rawJson())).isEqualTo(JsonColumns.MAPPER.readTree(originalText));
        assertThat(JsonColumns.MAPPER.readTree(rows.get(0).rawJson()).path("title").asString())
                .isEqualTo("pasted log \u0000 with \ud800 and 😀");
        List<String> forms = jdbi.withHandle(h -> h.createQuery("""
                        select extraction_metadata->'lossless'->>'form' from etl.raw_extraction_data
                         where batch_id = :batch order by id""")
                .bind("batch", batch.batchId()).mapTo(String.class).list());
        assertThat(forms).containsExactly(LosslessJson.FORM, null);
        List<String> endpoints = jdbi.withHandle(h -> h.createQuery("""
                        select extraction_metadata->>'endpoint' from etl.raw_extraction_data where batch_id = :batch""")
                .bind("batch", batch.batchId()).mapTo(String.class).list());
        assertThat(endpoints).containsOnly("/repos/a/b/issues");
        assertThat(store(aBatch("hostile", List.of(NewRawRecord.of("a/b#9", originalText, null))))).isZero();
    }

    @Test
    void aRecordPostgresRefusesIsRejectedWithItsReasonAndTheRestOfTheBatchIsStored() {
        RawBatch batch = aBatch("refused", List.of(
                NewRawRecord.of("a/b#1", "{\"number\":1}", null),
                NewRawRecord.of("a/b#2", "{\"number\":1e1000000}", null),
                NewRawRecord.of("a/b#3", "{\"number\":3}", null)));

        RawInsert inserted = jdbi.inTransaction(h -> raw.store(h, batch));

        assertThat(inserted.stored()).isEqualTo(2);
        assertThat(inserted.rejected()).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("a/b#2");
            assertThat(r.reason()).contains("SQLSTATE 22003").contains("numeric");
        });
        List<RawRow> stored = jdbi.withHandle(h -> raw.batch(h, batch.batchId()));
        assertThat(stored).extracting(RawRow::externalId).containsExactly("a/b#1", "a/b#3");
    }

    @Test
    void aStrictInsertFailsWholeOnARefusedRecord() {
        RawBatch batch = aBatch("strict", List.of(NewRawRecord.of("a/b#1", "{\"number\":1}", null),
                NewRawRecord.of("a/b#2", "{\"number\":1e1000000}", null)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store(batch))
                .isInstanceOf(org.jdbi.v3.core.statement.StatementException.class);
        assertThat(raw.count(owner.integrationId(), "strict")).isZero();
    }

    @Test
    void recordsEachTransformedBatchOnceWithoutRewritingItsRows() {
        RawBatch batch = aBatch("marks", List.of(NewRawRecord.of("a/b#9", "{\"n\":9}", null),
                NewRawRecord.of("a/b#10", "{\"n\":10}", null)));
        jdbi.useTransaction(h -> raw.insert(h, batch));
        long xminBefore = xminOf(batch);

        int marked = jdbi.inTransaction(h -> raw.markBatchesLoaded(h, List.of(batch.batchId(), batch.batchId())));
        int again = jdbi.inTransaction(h -> raw.markBatchesLoaded(h, List.of(batch.batchId())));
        RawObject shown = new RawBrowser(jdbi).find(null, jdbi.withHandle(h -> raw.batch(h, batch.batchId())).get(0).id())
                .orElseThrow();

        assertThat(marked).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(shown.transformedAt()).isNotNull();
        assertThat(xminOf(batch)).as("raw rows were not rewritten").isEqualTo(xminBefore);
    }

    private long xminOf(RawBatch batch) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select max(xmin::text::bigint) from etl.raw_extraction_data where batch_id = :b")
                .bind("b", batch.batchId()).mapTo(Long.class).one());
    }
}
