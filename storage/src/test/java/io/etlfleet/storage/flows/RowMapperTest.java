package io.etlfleet.storage.flows;

import static io.etlfleet.storage.flows.Flows.aMergeFlow;
import static io.etlfleet.storage.flows.Flows.json;
import static io.etlfleet.storage.flows.Flows.mapperFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RowMapperTest {

    private static Object valueOf(String type, String rawValueJson) {
        MappedRow row = mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"" + type + "\"}")
                .map(1, json("{\"id\":1,\"v\":" + rawValueJson + "}"));
        assertThat(row.rejection()).isNull();
        return row.values().get("v");
    }

    private static String rejectionOf(String type, String rawValueJson) {
        MappedRow row = mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"" + type + "\"}")
                .map(1, json("{\"id\":1,\"v\":" + rawValueJson + "}"));
        assertThat(row.isRejected()).as("rejected").isTrue();
        assertThat(row.values()).isEmpty();
        return row.rejection();
    }

    @Test
    void mapsValuesInMappingOrderWithTheirRawId() {
        RowMapper mapper = new RowMapper(FlowDefinition.from(aMergeFlow(
                "{\"source\":\"/user/login\",\"target\":\"login\",\"type\":\"text\"}",
                "{\"source\":\"/n\",\"target\":\"n\",\"type\":\"integer\"}")));

        MappedRow row = mapper.map(42, json("{\"n\":7,\"user\":{\"login\":\"ada\"},\"id\":3}"));

        assertThat(row.rawId()).isEqualTo(42);
        assertThat(row.isRejected()).isFalse();
        assertThat(row.values()).containsExactly(java.util.Map.entry("id", 3L), java.util.Map.entry("login", "ada"),
                java.util.Map.entry("n", 7));
    }

    @Test
    void aMissingPointerOrJsonNullIsNull() {
        RowMapper mapper = mapperFor("{\"source\":\"/a/b\",\"target\":\"v\",\"type\":\"text\"}");

        assertThat(mapper.map(1, json("{\"id\":1}")).values()).containsEntry("v", null);
        assertThat(mapper.map(1, json("{\"id\":1,\"a\":{\"b\":null}}")).values()).containsEntry("v", null);
        assertThat(mapper.map(1, json("{\"id\":1,\"a\":\"scalar\"}")).values()).containsEntry("v", null);
    }

    @Test
    void pointersReadArraysAndEscapedNames() {
        RowMapper mapper = mapperFor("{\"source\":\"/a~1b/1/c~0d\",\"target\":\"v\",\"type\":\"text\"}");

        assertThat(mapper.map(1, json("{\"id\":1,\"a/b\":[{},{\"c~d\":\"found\"}]}")).values()).containsEntry("v", "found");
    }

    @Test
    void textTakesScalarsAsTheirTextAndContainersAsJson() {
        assertThat(valueOf("text", "\"ada\"")).isEqualTo("ada");
        assertThat(valueOf("text", "12")).isEqualTo("12");
        assertThat(valueOf("text", "12.50")).isEqualTo("12.50");
        assertThat(valueOf("text", "true")).isEqualTo("true");
        assertThat(valueOf("text", "{\"a\": [1, \"x\"]}")).isEqualTo("{\"a\":[1,\"x\"]}");
        assertThat(valueOf("text", "\"\"")).isEqualTo("");
    }

    @Test
    void textKeepsEmojiAndDropsNulAndLoneSurrogates() {
        assertThat(valueOf("text", "\"emoji 😀 é שלום\"")).isEqualTo("emoji 😀 é שלום");
        assertThat(valueOf("text", "\"a\\u0000b\\u0000\"")).isEqualTo("ab");
        assertThat(valueOf("text", "\"x\\ud83dy\"")).isEqualTo("x\uFFFDy");
        assertThat(valueOf("text", "{\"k\\u0000\":\"v\\u0000\"}")).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void integersFromNumbersAndNumericStrings() {
        assertThat(valueOf("integer", "12")).isEqualTo(12);
        assertThat(valueOf("integer", "\" -12 \"")).isEqualTo(-12);
        assertThat(valueOf("integer", "12.0")).isEqualTo(12);
        assertThat(valueOf("integer", "\"1e3\"")).isEqualTo(1000);
        assertThat(valueOf("integer", "2147483647")).isEqualTo(Integer.MAX_VALUE);
        assertThat(valueOf("integer", "\"\"")).isNull();
        assertThat(valueOf("bigint", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(valueOf("bigint", "\"-9223372036854775808\"")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rejectsIntegerOverflowAndFractions() {
        assertThat(rejectionOf("integer", "2147483648")).isEqualTo("mappings[1] (v): 2147483648 is out of range for integer");
        assertThat(rejectionOf("bigint", "9223372036854775808"))
                .isEqualTo("mappings[1] (v): 9223372036854775808 is out of range for bigint");
        assertThat(rejectionOf("bigint", "\"1e999999999\"")).isEqualTo("mappings[1] (v): \"1e999999999\" is out of range for bigint");
        assertThat(rejectionOf("integer", "12.5")).isEqualTo("mappings[1] (v): 12.5 is not an integer");
        assertThat(rejectionOf("integer", "\"12,5x\"")).isEqualTo("mappings[1] (v): \"12,5x\" is not an integer");
        assertThat(rejectionOf("bigint", "true")).isEqualTo("mappings[1] (v): true is not a bigint");
        assertThat(rejectionOf("bigint", "[1]")).isEqualTo("mappings[1] (v): [1] is not a bigint");
    }

    @Test
    void numericKeepsPrecisionAndRoundsPastTenDecimals() {
        assertThat(valueOf("numeric", "\"12345678901234567890.1234567891\""))
                .isEqualTo(new BigDecimal("12345678901234567890.1234567891"));
        assertThat(valueOf("numeric", "0.1")).isEqualTo(new BigDecimal("0.1"));
        assertThat(valueOf("numeric", "12345678901234567890.1234567891"))
                .isEqualTo(new BigDecimal("12345678901234567890.1234567891"));
        assertThat(valueOf("numeric", "12.50")).isEqualTo(new BigDecimal("12.50"));
        assertThat(valueOf("numeric", "\"1.23456789015\"")).isEqualTo(new BigDecimal("1.2345678902"));
        assertThat(valueOf("numeric", "-7")).isEqualTo(new BigDecimal("-7"));
        assertThat(valueOf("numeric", "\"-3e2\"")).isEqualTo(new BigDecimal("-3e2"));
    }

    @Test
    void rejectsNumericsThatAreNotNumbersOrDoNotFit() {
        assertThat(rejectionOf("numeric", "\"12,5x\"")).isEqualTo("mappings[1] (v): \"12,5x\" is not a numeric");
        assertThat(rejectionOf("numeric", "\"1" + "0".repeat(28) + "\"")).startsWith(
                "mappings[1] (v): \"1" + "0".repeat(28) + "\" is out of range for numeric(38,10)");
        assertThat(valueOf("numeric", "\"" + "9".repeat(28) + ".5\"")).isEqualTo(new BigDecimal("9".repeat(28) + ".5"));
    }

    @Test
    void booleansFromJsonBooleansNumbersAndWords() {
        assertThat(valueOf("boolean", "true")).isEqualTo(true);
        assertThat(valueOf("boolean", "false")).isEqualTo(false);
        assertThat(valueOf("boolean", "1")).isEqualTo(true);
        assertThat(valueOf("boolean", "0")).isEqualTo(false);
        assertThat(valueOf("boolean", "\"TRUE\"")).isEqualTo(true);
        assertThat(valueOf("boolean", "\"false\"")).isEqualTo(false);
        assertThat(valueOf("boolean", "\"1\"")).isEqualTo(true);
        assertThat(valueOf("boolean", "\"0\"")).isEqualTo(false);
        assertThat(valueOf("boolean", "\" Yes \"")).isEqualTo(true);
        assertThat(valueOf("boolean", "\"no\"")).isEqualTo(false);
        assertThat(rejectionOf("boolean", "\"maybe\"")).isEqualTo("mappings[1] (v): \"maybe\" is not a boolean");
        assertThat(rejectionOf("boolean", "2")).isEqualTo("mappings[1] (v): 2 is not a boolean");
    }

    @Test
    void datesFromIsoStringsAndEpochMilliseconds() {
        assertThat(valueOf("date", "\"2024-02-29\"")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(valueOf("date", "\"2024-02-29T23:30:00-05:00\"")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(valueOf("date", "1709164800000")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(rejectionOf("date", "\"2024-02-30\"")).isEqualTo("mappings[1] (v): \"2024-02-30\" is not a date");
        assertThat(rejectionOf("date", "\"29/02/2024\"")).isEqualTo("mappings[1] (v): \"29/02/2024\" is not a date");
        assertThat(rejectionOf("date", "true")).isEqualTo("mappings[1] (v): true is not a date");
    }

    @Test
    void timestampsFromIsoWithOrWithoutOffsetAsUtc() {
        OffsetDateTime expected = OffsetDateTime.of(2024, 3, 1, 12, 45, 30, 123_456_000, ZoneOffset.UTC);
        assertThat(valueOf("timestamp", "\"2024-03-01T13:45:30.123456+01:00\"")).isEqualTo(expected);
        assertThat(valueOf("timestamp", "\"2024-03-01T13:45:30.123456+0100\"")).isEqualTo(expected);
        assertThat(valueOf("timestamp", "\"2024-03-01T12:45:30.123456Z\"")).isEqualTo(expected);
        assertThat(valueOf("timestamp", "\"2024-03-01T12:45:30.123456\"")).isEqualTo(expected);
        assertThat(valueOf("timestamp", "\"2024-03-01 12:45:30.123456789\"")).isEqualTo(expected);
        assertThat(valueOf("timestamp", "\"2024-03-01T13:45:30.123456+01:00[Europe/Paris]\"")).isEqualTo(expected);
        assertThat(valueOf("timestamp", "\"2024-03-01\""))
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(valueOf("timestamp", "1709297130123"))
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 12, 45, 30, 123_000_000, ZoneOffset.UTC));
    }

    @Test
    void rejectsWhatIsNotATimestamp() {
        assertThat(rejectionOf("timestamp", "\"yesterday\"")).isEqualTo("mappings[1] (v): \"yesterday\" is not a timestamp");
        assertThat(rejectionOf("timestamp", "1.5")).isEqualTo("mappings[1] (v): 1.5 is not a timestamp");
        assertThat(rejectionOf("timestamp", "253402300800000")).isEqualTo(
                "mappings[1] (v): 253402300800000 is out of range for timestamp (years 1 to 9999)");
        assertThat(rejectionOf("timestamp", "\"2024-03-01T25:00:00Z\"")).isEqualTo(
                "mappings[1] (v): \"2024-03-01T25:00:00Z\" is not a timestamp");
        assertThat(valueOf("timestamp", "\"  \"")).isNull();
    }

    @Test
    void jsonbIsTheValuesJsonTextWithoutNul() {
        assertThat(valueOf("jsonb", "{\"a\": [1, 2.50, \"x\"], \"b\": null}")).isEqualTo("{\"a\":[1,2.50,\"x\"],\"b\":null}");
        assertThat(valueOf("jsonb", "\"text\"")).isEqualTo("\"text\"");
        assertThat(valueOf("jsonb", "[\"a\\u0000b\"]")).isEqualTo("[\"ab\"]");
        assertThat(valueOf("jsonb", "null")).isNull();
    }

    @Test
    void numbersReadByADefaultMapperAreTakenAsTheyPrint() {
        RowMapper mapper = mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"numeric\"}");

        MappedRow row = mapper.map(1, io.etlfleet.storage.JsonColumns.MAPPER.readTree("{\"id\":1,\"v\":0.1}"));

        assertThat(row.values()).containsEntry("v", new BigDecimal("0.1"));
    }

    @Test
    void theWholeObjectMapsToJsonb() {
        RowMapper mapper = mapperFor("{\"source\":\"\",\"target\":\"doc\",\"type\":\"jsonb\"}");

        assertThat(mapper.map(1, json("{\"id\":1,\"x\":\"y\"}")).values()).containsEntry("doc", "{\"id\":1,\"x\":\"y\"}");
    }

    @Test
    void rejectsAnObjectWhoseKeyIsNull() {
        RowMapper mapper = mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"text\"}");

        MappedRow row = mapper.map(9, json("{\"v\":\"x\"}"));

        assertThat(row.rawId()).isEqualTo(9);
        assertThat(row.rejection()).isEqualTo("mappings[0] (id): the key column has no value (source /id)");
    }

    @Test
    void anEmptyStringKeyOfANumberIsNullAndRejected() {
        assertThat(mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"text\"}").map(1, json("{\"id\":\"\"}"))
                .rejection()).isEqualTo("mappings[0] (id): the key column has no value (source /id)");
    }

    @Test
    void longValuesAreCutInTheReason() {
        String reason = rejectionOf("integer", "\"" + "x".repeat(200) + "\"");

        assertThat(reason).hasSizeLessThan(120).endsWith("… is not an integer");
    }
}
