package io.etlfleet.storage.flows;

import static io.etlfleet.storage.flows.Flows.json;
import static io.etlfleet.storage.flows.Flows.mapperFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FlowTransformTest {

    private static MappedRow map(String type, String transform, String rawJson) {
        return mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"" + type + "\",\"transform\":" + transform + "}")
                .map(1, json(rawJson));
    }

    private static Object valueOf(String type, String transform, String rawJson) {
        MappedRow row = map(type, transform, rawJson);
        assertThat(row.rejection()).isNull();
        return row.values().get("v");
    }

    @Test
    void trimLowerAndUpperChangeStrings() {
        assertThat(valueOf("text", "\"trim\"", "{\"id\":1,\"v\":\"  Ada \\t\"}")).isEqualTo("Ada");
        assertThat(valueOf("text", "\"lower\"", "{\"id\":1,\"v\":\"ÀDA\"}")).isEqualTo("àda");
        assertThat(valueOf("text", "\"upper\"", "{\"id\":1,\"v\":\"istanbul\"}")).isEqualTo("ISTANBUL");
        assertThat(valueOf("text", "[\"trim\",\"upper\"]", "{\"id\":1,\"v\":\" ada \"}")).isEqualTo("ADA");
    }

    @Test
    void trimLowerAndUpperLeaveOtherValuesAsTheyAre() {
        assertThat(valueOf("integer", "[\"trim\",\"lower\"]", "{\"id\":1,\"v\":12}")).isEqualTo(12);
        assertThat(valueOf("text", "\"upper\"", "{\"id\":1}")).isNull();
        assertThat(valueOf("jsonb", "\"upper\"", "{\"id\":1,\"v\":{\"a\":\"b\"}}")).isEqualTo("{\"a\":\"b\"}");
    }

    @Test
    void defaultFillsMissingNullAndEmptyValues() {
        String transform = "{\"default\":\"unknown\"}";
        assertThat(valueOf("text", transform, "{\"id\":1}")).isEqualTo("unknown");
        assertThat(valueOf("text", transform, "{\"id\":1,\"v\":null}")).isEqualTo("unknown");
        assertThat(valueOf("text", transform, "{\"id\":1,\"v\":\"\"}")).isEqualTo("unknown");
        assertThat(valueOf("text", transform, "{\"id\":1,\"v\":\" \"}")).isEqualTo(" ");
        assertThat(valueOf("text", "[\"trim\"," + transform + "]", "{\"id\":1,\"v\":\" \"}")).isEqualTo("unknown");
        assertThat(valueOf("integer", "{\"default\":0}", "{\"id\":1}")).isEqualTo(0);
        assertThat(valueOf("boolean", "{\"default\":false}", "{\"id\":1,\"v\":true}")).isEqualTo(true);
        assertThat(valueOf("jsonb", "{\"default\":{\"none\":true}}", "{\"id\":1}")).isEqualTo("{\"none\":true}");
    }

    @Test
    void aDefaultCanFillAKeyColumn() {
        MappedRow row = mapperFor("{\"source\":\"/v\",\"target\":\"v\",\"type\":\"text\"}").map(1, json("{\"v\":\"x\"}"));
        assertThat(row.isRejected()).isTrue();

        MappedRow filled = new RowMapper(FlowDefinition.from(Flows.json("""
                {"name":"f","target_table":"t","mode":"merge","key":["k"],
                 "mappings":[{"source":"/k","target":"k","type":"bigint","transform":{"default":-1}}]}""")))
                .map(1, json("{}"));
        assertThat(filled.values()).containsEntry("k", -1L);
    }

    @Test
    void parseReadsDatesWithAPattern() {
        assertThat(valueOf("date", "{\"parse\":\"dd/MM/yyyy\"}", "{\"id\":1,\"v\":\"29/02/2024\"}"))
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(valueOf("date", "{\"parse\":\"d MMM yyyy\"}", "{\"id\":1,\"v\":\"1 Mar 2024\"}"))
                .isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(valueOf("date", "{\"parse\":\"yyyyMMdd\"}", "{\"id\":1,\"v\":20240301}")).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(valueOf("date", "{\"parse\":\"dd/MM/yyyy\"}", "{\"id\":1,\"v\":null}")).isNull();
    }

    @Test
    void parseReadsTimestampsAsUtcUnlessThePatternHasAnOffset() {
        assertThat(valueOf("timestamp", "{\"parse\":\"dd/MM/yyyy HH:mm\"}", "{\"id\":1,\"v\":\"01/03/2024 13:45\"}"))
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 13, 45, 0, 0, ZoneOffset.UTC));
        assertThat(valueOf("timestamp", "{\"parse\":\"dd/MM/yyyy HH:mm XXX\"}", "{\"id\":1,\"v\":\"01/03/2024 13:45 +01:00\"}"))
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 12, 45, 0, 0, ZoneOffset.UTC));
        assertThat(valueOf("timestamp", "{\"parse\":\"dd/MM/yyyy\"}", "{\"id\":1,\"v\":\"01/03/2024\"}"))
                .isEqualTo(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void parseRefusesDaysTheMonthDoesNotHave() {
        assertThat(map("date", "{\"parse\":\"dd/MM/yyyy\"}", "{\"id\":1,\"v\":\"31/02/2024\"}").rejection())
                .isEqualTo("mappings[1] (v): \"31/02/2024\" does not match the pattern dd/MM/yyyy");
        assertThat(valueOf("date", "{\"parse\":\"'year' yyyy, d/M\"}", "{\"id\":1,\"v\":\"year 2024, 29/2\"}"))
                .isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void rejectsAValueThatDoesNotMatchThePattern() {
        assertThat(map("date", "{\"parse\":\"dd/MM/yyyy\"}", "{\"id\":1,\"v\":\"2024-03-01\"}").rejection())
                .isEqualTo("mappings[1] (v): \"2024-03-01\" does not match the pattern dd/MM/yyyy");
    }

    @Test
    void concatJoinsPointersAndLiteralsSkippingMissingParts() {
        String transform = "{\"concat\":[\"/first\",\"/last\"],\"separator\":\" \"}";
        assertThat(valueOf("text", transform, "{\"id\":1,\"first\":\"Ada\",\"last\":\"Lovelace\"}")).isEqualTo("Ada Lovelace");
        assertThat(valueOf("text", transform, "{\"id\":1,\"first\":\"Ada\"}")).isEqualTo("Ada");
        assertThat(valueOf("text", transform, "{\"id\":1}")).isNull();
        assertThat(valueOf("text", "{\"concat\":[\"#\",\"/n\",\"/tags\"]}", "{\"id\":1,\"n\":7,\"tags\":[\"a\"]}"))
                .isEqualTo("#7[\"a\"]");
        assertThat(valueOf("text", "[" + transform + ",{\"default\":\"anonymous\"}]", "{\"id\":1}")).isEqualTo("anonymous");
    }

    @Test
    void concatFeedsLaterSteps() {
        assertThat(valueOf("date", "[{\"concat\":[\"/y\",\"/m\",\"/d\"],\"separator\":\"-\"}]",
                "{\"id\":1,\"y\":\"2024\",\"m\":\"02\",\"d\":\"29\"}")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(valueOf("text", "[{\"concat\":[\"/a\",\"/b\"]},\"upper\"]", "{\"id\":1,\"a\":\"x\",\"b\":\"y\"}"))
                .isEqualTo("XY");
    }

    @Test
    void transformsRunInTheOrderGiven() {
        assertThat(valueOf("text", "[{\"default\":\" none \"},\"trim\"]", "{\"id\":1}")).isEqualTo("none");
        assertThat(valueOf("text", "[\"trim\",{\"default\":\" none \"}]", "{\"id\":1}")).isEqualTo(" none ");
    }
}
