package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** PostgreSQL column types as they land in the raw JSON, and as the page describes them. */
class PostgresTypeFidelityIT {

    private static TestDatabase database;
    private static JdbcSource source;
    private static RecordingSink sink;

    @BeforeAll
    static void extractATypedTable() {
        database = TestServices.postgres().createEmptyDatabase("jdbc_types");
        source = new JdbcSource(database.url(), database.user(), database.password(), "set time zone 'UTC'", "typed", "");
        source.execute("""
                create table typed (id integer primary key, at_zone timestamptz(6), at_local timestamp(6), day date,
                    amount numeric(38,10), payload bytea, flag boolean, doc jsonb, note text, ratio double precision,
                    big bigint, uid uuid)""");
        source.execute("""
                insert into typed values (1, '2024-03-01 13:45:30.123456+01', '2024-03-01 13:45:30.5', '2024-02-29',
                    1234567890123456789012345678.0123456789, '\\x00ff10', true, '{"a": [1, 2]}', 'O''Brien | \\ ok',
                    0.1, 9223372036854775807, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
                    (2, null, null, null, null, null, null, null, null, null, null, null)""");
        try (Connector connector = source.connector(source.config(Map.of("name", "typed", "cursor", new String[] {"id"},
                "key", new String[] {"id"}), Map.of()), source.user(), source.password())) {
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
    void writesATimestampWithTimeZoneAsAnInstantInUtc() {
        assertThat(row(1).get("at_zone").asString()).isEqualTo("2024-03-01T12:45:30.123456Z");
    }

    @Test
    void writesATimestampWithoutTimeZoneAsTheLocalDateTimeWithoutAZone() {
        assertThat(row(1).get("at_local").asString()).isEqualTo("2024-03-01T13:45:30.5");
        assertThat(row(1).get("day").asString()).isEqualTo("2024-02-29");
    }

    @Test
    void writesNumericAsTheExactDecimalString() {
        assertThat(row(1).get("amount").isString()).isTrue();
        assertThat(row(1).get("amount").asString()).isEqualTo("1234567890123456789012345678.0123456789");
    }

    @Test
    void writesBinaryAsBase64AndKeepsBooleansIntegersFloatsAndText() {
        JsonNode row = row(1);
        assertThat(row.get("payload").asString()).isEqualTo("AP8Q");
        assertThat(row.get("flag").isBoolean()).isTrue();
        assertThat(row.get("big").isIntegralNumber()).isTrue();
        assertThat(row.get("big").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get("ratio").asDouble()).isEqualTo(0.1);
        assertThat(row.get("note").asString()).isEqualTo("O'Brien | \\ ok");
        assertThat(row.get("doc").asString()).isEqualTo("{\"a\": [1, 2]}");
        assertThat(row.get("uid").asString()).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    }

    @Test
    void keepsNullsAsJsonNull() {
        JsonNode row = row(2);
        List.of("at_zone", "at_local", "day", "amount", "payload", "flag", "doc", "note", "ratio", "big", "uid")
                .forEach(column -> assertThat(row.get(column).isNull()).as(column).isTrue());
    }

    @Test
    void describesTheColumnsWithThePage() {
        JsonNode columns = JsonMapper.builder().build().readTree(sink.pages().get(0).request().params().get("columns"));

        assertThat(columns).extracting(c -> c.get("name").asString() + ":" + c.get("kind").asString()).containsExactly(
                "id:integer", "at_zone:timestamptz", "at_local:timestamp", "day:date", "amount:decimal", "payload:binary",
                "flag:boolean", "doc:json", "note:text", "ratio:float", "big:integer", "uid:other");
        assertThat(columns.get(4).get("precision").asInt()).isEqualTo(38);
        assertThat(columns.get(4).get("scale").asInt()).isEqualTo(10);
        assertThat(columns.get(0).get("nullable").asBoolean()).isFalse();
    }

    @Test
    void updatedAtIsEmptyWhenTheFirstCursorColumnIsNotATimestamp() {
        assertThat(sink.records()).allSatisfy(record -> assertThat(record.updatedAt()).isNull());
    }
}
