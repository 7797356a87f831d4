package io.etlfleet.transform.flows;

import static io.etlfleet.transform.flows.FlowFixtures.anOrdersAppend;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersMerge;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersReplace;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.flows.ColumnType;
import org.junit.jupiter.api.Test;

/** The exact statements Oracle flows run. */
class OracleDialectTest {

    private final DestinationDialect dialect = DestinationDialect.forType("oracle");

    @Test
    void createsAMergeTableKeyedByTheFlowKey() {
        assertThat(dialect.createTableSql("dest", anOrdersMerge())).isEqualTo(
                "CREATE TABLE \"DEST\".\"ORDERS\" (\"ID\" NUMBER(19) NOT NULL, \"NAME\" CLOB, \"AMOUNT\" "
                + "NUMBER(38,10), \"DOC\" CLOB, \"_ETL_RAW_ID\" NUMBER(19) NOT NULL, \"_ETL_RUN_ID\" VARCHAR2(36) "
                + "NOT NULL, \"_ETL_LOADED_AT\" TIMESTAMP(6) WITH TIME ZONE NOT NULL, PRIMARY KEY (\"ID\"))");
    }

    @Test
    void createsAnAppendTableWithAUniqueRawId() {
        assertThat(dialect.createTableSql(null, anOrdersAppend())).isEqualTo(
                "CREATE TABLE \"ORDERS\" (\"ID\" NUMBER(19), \"NAME\" CLOB, \"AMOUNT\" NUMBER(38,10), \"DOC\" "
                + "CLOB, \"_ETL_RAW_ID\" NUMBER(19) NOT NULL, \"_ETL_RUN_ID\" VARCHAR2(36) NOT NULL, "
                + "\"_ETL_LOADED_AT\" TIMESTAMP(6) WITH TIME ZONE NOT NULL, UNIQUE (\"_ETL_RAW_ID\"))");
    }

    @Test
    void addsANullableColumn() {
        assertThat(dialect.addColumnSql("dest", "orders", "placed_on", ColumnType.DATE)).isEqualTo(
                "ALTER TABLE \"DEST\".\"ORDERS\" ADD (\"PLACED_ON\" DATE)");
    }

    @Test
    void mergesByKeyNeverOverANewerRawVersion() {
        assertThat(dialect.mergeSql("dest", anOrdersMerge(), 1)).isEqualTo(
                "MERGE INTO \"DEST\".\"ORDERS\" t USING (SELECT ? AS \"ID\", ? AS \"NAME\", ? AS \"AMOUNT\", ? "
                + "AS \"DOC\", ? AS \"_ETL_RAW_ID\", ? AS \"_ETL_RUN_ID\", ? AS \"_ETL_LOADED_AT\" FROM dual) s "
                + "ON (t.\"ID\" = s.\"ID\") WHEN MATCHED THEN UPDATE SET t.\"NAME\" = s.\"NAME\", t.\"AMOUNT\" = "
                + "s.\"AMOUNT\", t.\"DOC\" = s.\"DOC\", t.\"_ETL_RAW_ID\" = s.\"_ETL_RAW_ID\", t.\"_ETL_RUN_ID\" "
                + "= s.\"_ETL_RUN_ID\", t.\"_ETL_LOADED_AT\" = s.\"_ETL_LOADED_AT\" WHERE t.\"_ETL_RAW_ID\" <= "
                + "s.\"_ETL_RAW_ID\" WHEN NOT MATCHED THEN INSERT (\"ID\", \"NAME\", \"AMOUNT\", \"DOC\", "
                + "\"_ETL_RAW_ID\", \"_ETL_RUN_ID\", \"_ETL_LOADED_AT\") VALUES (s.\"ID\", s.\"NAME\", "
                + "s.\"AMOUNT\", s.\"DOC\", s.\"_ETL_RAW_ID\", s.\"_ETL_RUN_ID\", s.\"_ETL_LOADED_AT\")");
    }

    @Test
    void appendsSkippingRawIdsAlreadyLoaded() {
        assertThat(dialect.appendSql("dest", anOrdersAppend(), 1)).isEqualTo(
                "MERGE INTO \"DEST\".\"ORDERS\" t USING (SELECT ? AS \"ID\", ? AS \"NAME\", ? AS \"AMOUNT\", ? "
                + "AS \"DOC\", ? AS \"_ETL_RAW_ID\", ? AS \"_ETL_RUN_ID\", ? AS \"_ETL_LOADED_AT\" FROM dual) s "
                + "ON (t.\"_ETL_RAW_ID\" = s.\"_ETL_RAW_ID\") WHEN NOT MATCHED THEN INSERT (\"ID\", \"NAME\", "
                + "\"AMOUNT\", \"DOC\", \"_ETL_RAW_ID\", \"_ETL_RUN_ID\", \"_ETL_LOADED_AT\") VALUES (s.\"ID\", "
                + "s.\"NAME\", s.\"AMOUNT\", s.\"DOC\", s.\"_ETL_RAW_ID\", s.\"_ETL_RUN_ID\", "
                + "s.\"_ETL_LOADED_AT\")");
    }

    @Test
    void replaceMergesLikeMergeThenDeletesOtherRuns() {
        assertThat(dialect.mergeSql("dest", anOrdersReplace(), 1)).isEqualTo(dialect.mergeSql("dest", anOrdersMerge(), 1));
        assertThat(dialect.deleteOtherRunsSql("dest", "orders")).isEqualTo(
                "DELETE FROM \"DEST\".\"ORDERS\" WHERE \"_ETL_RUN_ID\" <> ?");
    }
}
