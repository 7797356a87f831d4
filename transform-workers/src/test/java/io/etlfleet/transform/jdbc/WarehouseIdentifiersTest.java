package io.etlfleet.transform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class WarehouseIdentifiersTest {

    private static final UUID INTEGRATION = UUID.fromString("2f1c7a52-6d0e-4a57-9b8e-0c3d2b1a9f00");

    @Test
    void namesTheTargetAfterTheSourceTableWithAHashOfIntegrationAndTable() {
        String name = WarehouseIdentifiers.targetTable(INTEGRATION, "Sales.Orders");

        assertThat(name).matches("jdbc_sales_orders_[0-9a-f]{10}");
        assertThat(WarehouseIdentifiers.targetTable(INTEGRATION, "Sales.Orders")).isEqualTo(name);
        assertThat(WarehouseIdentifiers.targetTable(UUID.randomUUID(), "Sales.Orders")).isNotEqualTo(name);
        assertThat(WarehouseIdentifiers.targetTable(INTEGRATION, "sales.orders")).isNotEqualTo(name);
    }

    @Test
    void keepsLongNamesWithinPostgresqlsLimit() {
        assertThat(WarehouseIdentifiers.targetTable(INTEGRATION, "s".repeat(60) + "." + "t".repeat(120)).length())
                .isLessThanOrEqualTo(63);
    }

    @Test
    void quotesValidNamesAndRejectsEverythingElse() {
        assertThat(WarehouseIdentifiers.quote("Order_Id")).isEqualTo("\"Order_Id\"");
        assertThatThrownBy(() -> WarehouseIdentifiers.quote("id\"; drop table x; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WarehouseIdentifiers.quote("x".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renamesASourceColumnThatCollidesWithTheTablesOwnColumns() {
        assertThat(WarehouseIdentifiers.column("tenant_id")).isEqualTo("source_tenant_id");
        assertThat(WarehouseIdentifiers.column("RAW_ID")).isEqualTo("source_RAW_ID");
        assertThat(WarehouseIdentifiers.column("amount")).isEqualTo("amount");
    }
}
