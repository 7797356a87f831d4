package io.etlfleet.transform.flows;

import static io.etlfleet.transform.flows.FlowFixtures.anOrdersAppend;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersMerge;
import static io.etlfleet.transform.flows.FlowFixtures.anOrdersReplace;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.flows.ColumnType;
import org.junit.jupiter.api.Test;

/** The exact statements MariaDB flows run. */
class MariadbDialectTest {

    private final DestinationDialect dialect = DestinationDialect.forType("mariadb");

    @Test
    void createsAMergeTableKeyedByTheFlowKey() {
        assertThat(dialect.createTableSql("dest", anOrdersMerge())).isEqualTo(
                "CREATE TABLE IF NOT EXISTS `dest`.`orders` (`id` BIGINT NOT NULL, `name` LONGTEXT, `amount` "
                + "DECIMAL(38,10), `doc` JSON, `_etl_raw_id` BIGINT NOT NULL, `_etl_run_id` VARCHAR(36) NOT NULL, "
                + "`_etl_loaded_at` DATETIME(6) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT "
                + "CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    }

    @Test
    void createsAnAppendTableWithAUniqueRawId() {
        assertThat(dialect.createTableSql(null, anOrdersAppend())).isEqualTo(
                "CREATE TABLE IF NOT EXISTS `orders` (`id` BIGINT, `name` LONGTEXT, `amount` DECIMAL(38,10), "
                + "`doc` JSON, `_etl_raw_id` BIGINT NOT NULL, `_etl_run_id` VARCHAR(36) NOT NULL, "
                + "`_etl_loaded_at` DATETIME(6) NOT NULL, UNIQUE (`_etl_raw_id`)) ENGINE=InnoDB DEFAULT "
                + "CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    }

    @Test
    void addsANullableColumn() {
        assertThat(dialect.addColumnSql("dest", "orders", "placed_on", ColumnType.DATE)).isEqualTo(
                "ALTER TABLE `dest`.`orders` ADD COLUMN `placed_on` DATE");
    }

    @Test
    void mergesByKeyNeverOverANewerRawVersion() {
        assertThat(dialect.mergeSql("dest", anOrdersMerge(), 2)).isEqualTo(
                "INSERT INTO `dest`.`orders` (`id`, `name`, `amount`, `doc`, `_etl_raw_id`, `_etl_run_id`, "
                + "`_etl_loaded_at`) VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "`name` = IF(`_etl_raw_id` <= VALUES(`_etl_raw_id`), VALUES(`name`), `name`), `amount` = "
                + "IF(`_etl_raw_id` <= VALUES(`_etl_raw_id`), VALUES(`amount`), `amount`), `doc` = "
                + "IF(`_etl_raw_id` <= VALUES(`_etl_raw_id`), VALUES(`doc`), `doc`), `_etl_run_id` = "
                + "IF(`_etl_raw_id` <= VALUES(`_etl_raw_id`), VALUES(`_etl_run_id`), `_etl_run_id`), "
                + "`_etl_loaded_at` = IF(`_etl_raw_id` <= VALUES(`_etl_raw_id`), VALUES(`_etl_loaded_at`), "
                + "`_etl_loaded_at`), `_etl_raw_id` = IF(`_etl_raw_id` <= VALUES(`_etl_raw_id`), "
                + "VALUES(`_etl_raw_id`), `_etl_raw_id`)");
    }

    @Test
    void appendsSkippingRawIdsAlreadyLoaded() {
        assertThat(dialect.appendSql("dest", anOrdersAppend(), 2)).isEqualTo(
                "INSERT INTO `dest`.`orders` (`id`, `name`, `amount`, `doc`, `_etl_raw_id`, `_etl_run_id`, "
                + "`_etl_loaded_at`) VALUES (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "`_etl_raw_id` = `_etl_raw_id`");
    }

    @Test
    void replaceMergesLikeMergeThenDeletesOtherRuns() {
        assertThat(dialect.mergeSql("dest", anOrdersReplace(), 2)).isEqualTo(dialect.mergeSql("dest", anOrdersMerge(), 2));
        assertThat(dialect.deleteOtherRunsSql("dest", "orders")).isEqualTo(
                "DELETE FROM `dest`.`orders` WHERE `_etl_run_id` <> ?");
    }
}
