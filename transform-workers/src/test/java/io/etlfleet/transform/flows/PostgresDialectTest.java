package io.etlfleet.transform.flows;

import static io.etlfleet.transform.flows.FlowFixtures.anOrdersAppend;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersMerge;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersReplace;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.flows.ColumnType;
import org.junit.jupiter.api.Test;

/** The exact statements PostgreSQL flows run. */
class PostgresDialectTest {

    private final DestinationDialect dialect = DestinationDialect.forType("postgresql");

    @Test
    void createsAMergeTableKeyedByTheFlowKey() {
        assertThat(dialect.createTableSql("dest", anOrdersMerge())).isEqualTo(
                "CREATE TABLE IF NOT EXISTS \"dest\".\"orders\" (\"id\" bigint NOT NULL, \"name\" text, "
                + "\"amount\" numeric(38,10), \"doc\" jsonb, \"_etl_raw_id\" bigint NOT NULL, \"_etl_run_id\" "
                + "uuid NOT NULL, \"_etl_loaded_at\" timestamptz NOT NULL, PRIMARY KEY (\"id\"))");
    }

    @Test
    void createsAnAppendTableWithAUniqueRawId() {
        assertThat(dialect.createTableSql(null, anOrdersAppend())).isEqualTo(
                "CREATE TABLE IF NOT EXISTS \"orders\" (\"id\" bigint, \"name\" text, \"amount\" "
                + "numeric(38,10), \"doc\" jsonb, \"_etl_raw_id\" bigint NOT NULL, \"_etl_run_id\" uuid NOT NULL, "
                + "\"_etl_loaded_at\" timestamptz NOT NULL, UNIQUE (\"_etl_raw_id\"))");
    }

    @Test
    void addsANullableColumn() {
        assertThat(dialect.addColumnSql("dest", "orders", "placed_on", ColumnType.DATE)).isEqualTo(
                "ALTER TABLE \"dest\".\"orders\" ADD COLUMN IF NOT EXISTS \"placed_on\" date");
    }

    @Test
    void mergesByKeyNeverOverANewerRawVersion() {
        assertThat(dialect.mergeSql("dest", anOrdersMerge(), 2)).isEqualTo(
                "INSERT INTO \"dest\".\"orders\" AS t (\"id\", \"name\", \"amount\", \"doc\", \"_etl_raw_id\", "
                + "\"_etl_run_id\", \"_etl_loaded_at\") VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?), (?, ?, ?, "
                + "CAST(? AS jsonb), ?, ?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", "
                + "\"amount\" = EXCLUDED.\"amount\", \"doc\" = EXCLUDED.\"doc\", \"_etl_raw_id\" = "
                + "EXCLUDED.\"_etl_raw_id\", \"_etl_run_id\" = EXCLUDED.\"_etl_run_id\", \"_etl_loaded_at\" = "
                + "EXCLUDED.\"_etl_loaded_at\" WHERE t.\"_etl_raw_id\" <= EXCLUDED.\"_etl_raw_id\"");
    }

    @Test
    void appendsSkippingRawIdsAlreadyLoaded() {
        assertThat(dialect.appendSql("dest", anOrdersAppend(), 2)).isEqualTo(
                "INSERT INTO \"dest\".\"orders\" (\"id\", \"name\", \"amount\", \"doc\", \"_etl_raw_id\", "
                + "\"_etl_run_id\", \"_etl_loaded_at\") VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?), (?, ?, ?, "
                + "CAST(? AS jsonb), ?, ?, ?) ON CONFLICT (\"_etl_raw_id\") DO NOTHING");
    }

    @Test
    void replaceMergesLikeMergeThenDeletesOtherRuns() {
        assertThat(dialect.mergeSql("dest", anOrdersReplace(), 2)).isEqualTo(dialect.mergeSql("dest", anOrdersMerge(), 2));
        assertThat(dialect.deleteOtherRunsSql("dest", "orders")).isEqualTo(
                "DELETE FROM \"dest\".\"orders\" WHERE \"_etl_run_id\" <> ?");
    }
}
