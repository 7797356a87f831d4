package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.testing.MariadbDatabase;
import io.etlfleet.testing.TestServices;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * MariaDB column types as they land in the raw JSON. The row is written in a session at
 * +01:00, so a TIMESTAMP (an instant) must come back shifted to UTC and a DATETIME (local)
 * unchanged.
 */
class MariadbTypeFidelityIT {

    private static MariadbDatabase database;
    private static JdbcSource source;
    private static RecordingSink sink;

    @BeforeAll
    static void extractATypedTable() {
        database = TestServices.mariadb().createDatabase("jdbc_types");
        source = new JdbcSource(database.url(), database.user(), database.password(), "set time_zone = '+01:00'", "typed", "");
        source.execute("""
                create table typed (id int primary key, at_zone timestamp(6) null default null, at_local datetime(6),
                    day date, amount decimal(38,10), payload blob, flag boolean, doc json, note text, ratio double,
                    big bigint unsigned, updated_at datetime(6))""");
        source.execute("""
                insert into typed values (1, '2024-03-01 13:45:30.123456', '2024-03-01 13:45:30.5', '2024-02-29',
                    1234567890123456789012345678.0123456789, x'00ff10', true, '{"a": [1, 2]}', 'O''Brien | \\\\ ok',
                    0.1, 18446744073709551615, '2024-03-01 10:00:00'),
                    (2, null, null, null, null, null, null, null, null, null, null, '2024-03-01 10:00:00')""");
        try (Connector connector = source.connector(source.config(Map.of("name", "typed",
                "cursor", new String[] {"updated_at"}, "key", new String[] {"id"}), Map.of()), source.user(), source.password())) {
            sink = RecordingSink.all();
            connector.extract(new ExtractRequest("typed", "", SyncMode.FULL, Map.of(), Map.of(), Instant.now()), sink);
        }
    }

    @AfterAll
    static void dropSource() {
        database.close();
    }

    private static JsonNode row(int id) {
        return sink.records().stream().filter(r -> r.externalId().equals(Integer.toString(id)))
                .map(SourceRecord::data).findFirst().orElseThrow();
    }

    @Test
    void writesATimestampAsAnInstantInUtc() {
        assertThat(row(1).get("at_zone").asString()).isEqualTo("2024-03-01T12:45:30.123456Z");
    }

    @Test
    void writesADatetimeAsTheLocalDateTimeWithoutAZone() {
        assertThat(row(1).get("at_local").asString()).isEqualTo("2024-03-01T13:45:30.5");
        assertThat(row(1).get("day").asString()).isEqualTo("2024-02-29");
    }

    @Test
    void writesDecimalAsTheExactDecimalString() {
        assertThat(row(1).get("amount").asString()).isEqualTo("1234567890123456789012345678.0123456789");
    }

    @Test
    void writesBlobsAsBase64AndKeepsBooleansIntegersFloatsAndText() {
        JsonNode row = row(1);
        assertThat(row.get("payload").asString()).isEqualTo("AP8Q");
        assertThat(row.get("flag").isBoolean()).isTrue();
        assertThat(row.get("flag").asBoolean()).isTrue();
        assertThat(row.get("big").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(row.get("ratio").asDouble()).isEqualTo(0.1);
        assertThat(row.get("note").asString()).isEqualTo("O'Brien | \\ ok");
        assertThat(row.get("doc").asString()).isEqualTo("{\"a\": [1, 2]}");
    }

    @Test
    void keepsNullsAsJsonNull() {
        JsonNode row = row(2);
        List.of("at_zone", "at_local", "day", "amount", "payload", "flag", "doc", "note", "ratio", "big")
                .forEach(column -> assertThat(row.get(column).isNull()).as(column).isTrue());
    }

    @Test
    void takesUpdatedAtFromADatetimeCursorReadAsUtc() {
        assertThat(sink.records()).allSatisfy(record ->
                assertThat(record.updatedAt()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z")));
    }
}
