package io.etlfleet.transform.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.flows.ColumnType;
import io.etlfleet.storage.flows.FlowDefinition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationDialectTest {

    private static final List<String> TYPES = List.of("postgresql", "mariadb", "oracle", "sqlserver");

    private static Map<ColumnType, String> types(String dialect, boolean key) {
        Map<ColumnType, String> types = new EnumMap<>(ColumnType.class);
        for (ColumnType type : ColumnType.values()) {
            types.put(type, DestinationDialect.forType(dialect).sqlType(type, key));
        }
        return types;
    }

    @Test
    void findsTheDialectOfEachDestinationTypeAndJdbcUrl() {
        assertThat(TYPES).allSatisfy(type -> assertThat(DestinationDialect.forType(type).type()).isEqualTo(type));
        assertThat(DestinationDialect.forType("mysql").type()).isEqualTo("mariadb");
        assertThat(DestinationDialect.forJdbcUrl("jdbc:postgresql://h/db").type()).isEqualTo("postgresql");
        assertThat(DestinationDialect.forJdbcUrl("jdbc:mysql://h/db").type()).isEqualTo("mariadb");
        assertThat(DestinationDialect.forJdbcUrl("jdbc:oracle:thin:@//h:1521/FREEPDB1").type()).isEqualTo("oracle");
        assertThat(DestinationDialect.forJdbcUrl("jdbc:sqlserver://h;databaseName=x").type()).isEqualTo("sqlserver");
        assertThatThrownBy(() -> DestinationDialect.forType("db2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'db2' is not a destination type (postgresql, mariadb, mysql, oracle, sqlserver)");
        assertThatThrownBy(() -> DestinationDialect.forJdbcUrl("postgresql://h/db")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesNamesTheWayEachDatabaseDoes() {
        assertThat(DestinationDialect.forType("postgresql").quote("order_items")).isEqualTo("\"order_items\"");
        assertThat(DestinationDialect.forType("mariadb").quote("order_items")).isEqualTo("`order_items`");
        assertThat(DestinationDialect.forType("oracle").quote("order_items")).isEqualTo("\"ORDER_ITEMS\"");
        assertThat(DestinationDialect.forType("sqlserver").quote("order_items")).isEqualTo("[order_items]");
        assertThat(DestinationDialect.forType("postgresql").table("Warehouse", "t")).isEqualTo("\"Warehouse\".\"t\"");
        assertThat(DestinationDialect.forType("sqlserver").table(null, "t")).isEqualTo("[t]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "a`b", "a]b", "a b", "a;drop", "1a", "", "a.b", "é"})
    void refusesNamesItCannotQuoteSafely(String name) {
        for (String type : TYPES) {
            assertThatThrownBy(() -> DestinationDialect.forType(type).quote(name))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a name " + type);
        }
        assertThatThrownBy(() -> DestinationDialect.forType("mariadb").quote("x".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DestinationDialect.forType("oracle").quote(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mapsEveryColumnTypeToAnSqlType() {
        assertThat(types("postgresql", false).values()).containsExactly(
                "text", "integer", "bigint", "numeric(38,10)", "boolean", "date", "timestamptz", "jsonb");
        assertThat(types("mariadb", false).values()).containsExactly(
                "LONGTEXT", "INT", "BIGINT", "DECIMAL(38,10)", "BOOLEAN", "DATE", "DATETIME(6)", "JSON");
        assertThat(types("oracle", false).values()).containsExactly(
                "CLOB", "NUMBER(10)", "NUMBER(19)", "NUMBER(38,10)", "NUMBER(1)", "DATE", "TIMESTAMP(6) WITH TIME ZONE", "CLOB");
        assertThat(types("sqlserver", false).values()).containsExactly(
                "NVARCHAR(MAX)", "INT", "BIGINT", "DECIMAL(38,10)", "BIT", "DATE", "DATETIMEOFFSET(6)", "NVARCHAR(MAX)");
    }

    @Test
    void keyTextGetsAnIndexableType() {
        assertThat(types("postgresql", true)).containsEntry(ColumnType.TEXT, "text");
        assertThat(types("mariadb", true)).containsEntry(ColumnType.TEXT, "VARCHAR(255)");
        assertThat(types("oracle", true)).containsEntry(ColumnType.TEXT, "VARCHAR2(1000 CHAR)");
        assertThat(types("sqlserver", true)).containsEntry(ColumnType.TEXT, "NVARCHAR(450)");
        FlowDefinition flow = FlowFixtures.flow("merge", "[\"sku\",\"id\"]", """
                [{"source":"/id","target":"id","type":"bigint"},{"source":"/sku","target":"sku","type":"text"},
                 {"source":"/note","target":"note","type":"text"}]""");
        assertThat(DestinationDialect.forType("mariadb").createTableSql("d", flow)).contains(
                "`sku` VARCHAR(255) NOT NULL, `note` LONGTEXT", "PRIMARY KEY (`sku`, `id`)");
        assertThat(DestinationDialect.forType("sqlserver").mergeSql("d", flow, 1))
                .contains("ON t.[sku] = s.[sku] AND t.[id] = s.[id] WHEN MATCHED");
        assertThat(DestinationDialect.forType("oracle").mergeSql("d", flow, 1))
                .contains("ON (t.\"SKU\" = s.\"SKU\" AND t.\"ID\" = s.\"ID\")");
    }

    @Test
    void aReplaceFlowWithoutAKeyAppends() {
        FlowDefinition replace = FlowFixtures.flow("replace", null, FlowFixtures.MAPPINGS);
        for (String type : TYPES) {
            DestinationDialect dialect = DestinationDialect.forType(type);
            assertThat(dialect.createTableSql(null, replace)).isEqualTo(dialect.createTableSql(null, FlowFixtures.anOrdersAppend()));
        }
    }

    @Test
    void refusesKeyTextLongerThanTheKeyColumnHolds() {
        assertThat(DestinationDialect.forType("mariadb").refusal(ColumnType.TEXT, true, "x".repeat(255))).isNull();
        assertThat(DestinationDialect.forType("mariadb").refusal(ColumnType.TEXT, true, "x".repeat(256)))
                .isEqualTo("a key of 256 characters is longer than the 255 a mariadb key column holds");
        assertThat(DestinationDialect.forType("mariadb").refusal(ColumnType.TEXT, false, "x".repeat(256))).isNull();
        assertThat(DestinationDialect.forType("sqlserver").refusal(ColumnType.TEXT, true, "x".repeat(451))).isNotNull();
        assertThat(DestinationDialect.forType("oracle").refusal(ColumnType.TEXT, true, "x".repeat(1001))).isNotNull();
        assertThat(DestinationDialect.forType("postgresql").refusal(ColumnType.TEXT, true, "é".repeat(1000))).isNull();
        assertThat(DestinationDialect.forType("postgresql").refusal(ColumnType.TEXT, true, "é".repeat(1001)))
                .isEqualTo("a key of 2002 bytes is longer than the 2000 a postgresql key column holds");
    }

    @Test
    void oracleRefusesAnEmptyTextKeyAndMariadbTimestampsBeforeTheYear1000() {
        assertThat(DestinationDialect.forType("oracle").refusal(ColumnType.TEXT, true, ""))
                .isEqualTo("an empty text key, which oracle stores as null");
        assertThat(DestinationDialect.forType("oracle").refusal(ColumnType.TEXT, false, "")).isNull();
        OffsetDateTime early = OffsetDateTime.of(999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(DestinationDialect.forType("mariadb").refusal(ColumnType.TIMESTAMP, false, early))
                .isEqualTo("0999-12-31T00:00Z is before 1000-01-01, the earliest a mariadb DATETIME holds");
        assertThat(DestinationDialect.forType("postgresql").refusal(ColumnType.TIMESTAMP, false, early)).isNull();
    }

    @Test
    void multiRowStatementsStayWithinTheParameterLimit() {
        assertThat(DestinationDialect.forType("postgresql").rowsPerStatement(7)).isEqualTo(1000);
        assertThat(DestinationDialect.forType("mariadb").rowsPerStatement(503)).isEqualTo(59);
        assertThat(DestinationDialect.forType("oracle").rowsPerStatement(7)).isEqualTo(1);
        assertThat(DestinationDialect.forType("sqlserver").rowsPerStatement(7)).isEqualTo(1);
        assertThatThrownBy(() -> DestinationDialect.forType("oracle").mergeSql(null, FlowFixtures.anOrdersMerge(), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMergeWhoseColumnsAreAllKeysStillRecordsTheNewRawVersion() {
        FlowDefinition flow = FlowFixtures.flow("merge", "[\"id\"]", "[{\"source\":\"/id\",\"target\":\"id\",\"type\":\"bigint\"}]");

        assertThat(DestinationDialect.forType("postgresql").mergeSql(null, flow, 1)).contains(
                "DO UPDATE SET \"_etl_raw_id\" = EXCLUDED.\"_etl_raw_id\", \"_etl_run_id\"");
        assertThat(DestinationDialect.forType("mariadb").mergeSql(null, flow, 1)).contains(
                "ON DUPLICATE KEY UPDATE `_etl_run_id` = IF(");
    }
}
