package io.etlfleet.transform.flows;

import static io.etlfleet.transform.flows.FlowFixtures.anOrdersAppend;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersMerge;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersReplace;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.flows.ColumnType;
import org.junit.jupiter.api.Test;

/** The exact statements SQL Server flows run. */
class SqlServerDialectTest {

    private final DestinationDialect dialect = DestinationDialect.forType("sqlserver");

    @Test
    void createsAMergeTableKeyedByTheFlowKey() {
        assertThat(dialect.createTableSql("dest", anOrdersMerge())).isEqualTo(
                "IF OBJECT_ID(N'[dest].[orders]', N'U') IS NULL CREATE TABLE [dest].[orders] ([id] BIGINT NOT "
                + "NULL, [name] NVARCHAR(MAX), [amount] DECIMAL(38,10), [doc] NVARCHAR(MAX), [_etl_raw_id] BIGINT "
                + "NOT NULL, [_etl_run_id] VARCHAR(36) NOT NULL, [_etl_loaded_at] DATETIMEOFFSET(6) NOT NULL, "
                + "PRIMARY KEY ([id]))");
    }

    @Test
    void createsAnAppendTableWithAUniqueRawId() {
        assertThat(dialect.createTableSql(null, anOrdersAppend())).isEqualTo(
                "IF OBJECT_ID(N'[orders]', N'U') IS NULL CREATE TABLE [orders] ([id] BIGINT, [name] "
                + "NVARCHAR(MAX), [amount] DECIMAL(38,10), [doc] NVARCHAR(MAX), [_etl_raw_id] BIGINT NOT NULL, "
                + "[_etl_run_id] VARCHAR(36) NOT NULL, [_etl_loaded_at] DATETIMEOFFSET(6) NOT NULL, UNIQUE "
                + "([_etl_raw_id]))");
    }

    @Test
    void addsANullableColumn() {
        assertThat(dialect.addColumnSql("dest", "orders", "placed_on", ColumnType.DATE)).isEqualTo(
                "ALTER TABLE [dest].[orders] ADD [placed_on] DATE");
    }

    @Test
    void mergesByKeyNeverOverANewerRawVersion() {
        assertThat(dialect.mergeSql("dest", anOrdersMerge(), 1)).isEqualTo(
                "MERGE INTO [dest].[orders] WITH (HOLDLOCK) AS t USING (VALUES (?, ?, ?, ?, ?, ?, ?)) AS s "
                + "([id], [name], [amount], [doc], [_etl_raw_id], [_etl_run_id], [_etl_loaded_at]) ON t.[id] = "
                + "s.[id] WHEN MATCHED AND t.[_etl_raw_id] <= s.[_etl_raw_id] THEN UPDATE SET t.[name] = "
                + "s.[name], t.[amount] = s.[amount], t.[doc] = s.[doc], t.[_etl_raw_id] = s.[_etl_raw_id], "
                + "t.[_etl_run_id] = s.[_etl_run_id], t.[_etl_loaded_at] = s.[_etl_loaded_at] WHEN NOT MATCHED "
                + "THEN INSERT ([id], [name], [amount], [doc], [_etl_raw_id], [_etl_run_id], [_etl_loaded_at]) "
                + "VALUES (s.[id], s.[name], s.[amount], s.[doc], s.[_etl_raw_id], s.[_etl_run_id], "
                + "s.[_etl_loaded_at]);");
    }

    @Test
    void appendsSkippingRawIdsAlreadyLoaded() {
        assertThat(dialect.appendSql("dest", anOrdersAppend(), 1)).isEqualTo(
                "MERGE INTO [dest].[orders] WITH (HOLDLOCK) AS t USING (VALUES (?, ?, ?, ?, ?, ?, ?)) AS s "
                + "([id], [name], [amount], [doc], [_etl_raw_id], [_etl_run_id], [_etl_loaded_at]) ON "
                + "t.[_etl_raw_id] = s.[_etl_raw_id] WHEN NOT MATCHED THEN INSERT ([id], [name], [amount], [doc], "
                + "[_etl_raw_id], [_etl_run_id], [_etl_loaded_at]) VALUES (s.[id], s.[name], s.[amount], s.[doc], "
                + "s.[_etl_raw_id], s.[_etl_run_id], s.[_etl_loaded_at]);");
    }

    @Test
    void replaceMergesLikeMergeThenDeletesOtherRuns() {
        assertThat(dialect.mergeSql("dest", anOrdersReplace(), 1)).isEqualTo(dialect.mergeSql("dest", anOrdersMerge(), 1));
        assertThat(dialect.deleteOtherRunsSql("dest", "orders")).isEqualTo(
                "DELETE FROM [dest].[orders] WHERE [_etl_run_id] <> ?");
    }
}
