package io.etlfleet.transform.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.JsonColumns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarehouseJsonTest {

    @Test
    void removesNulFromEveryStringAndKeepsEverythingElseExactly() {
        String text = "log\u0000line 😀 e\u0301 שלום \\u0000 literal \t tab";
        Map<String, Object> row = Map.of("body", text, "labels", List.of("a\u0000b", "c"));

        String json = WarehouseJson.write(row);

        var parsed = JsonColumns.MAPPER.readTree(json);
        assertThat(parsed.path("body").asString()).isEqualTo("logline 😀 e\u0301 שלום \\u0000 literal \t tab");
        assertThat(parsed.path("labels").path(0).asString()).isEqualTo("ab");
        assertThat(parsed.path("labels").path(1).asString()).isEqualTo("c");
    }

    @Test
    void replacesALoneSurrogateWhichNoPostgresTextCanHold() {
        String json = WarehouseJson.write(Map.of("title", "cut \uD83D here, paired \uD83D\uDE00"));

        assertThat(JsonColumns.MAPPER.readTree(json).path("title").asString()).isEqualTo("cut \uFFFD here, paired 😀");
    }

    @Test
    void leavesCleanJsonUntouchedAndAnEscapedBackslashBeforeU0000Alone() {
        String clean = "{\"a\":\"b c\",\"n\":1}";
        String literal = "{\"a\":\"b\\\\u0000c\"}";

        assertThat(WarehouseJson.storable(clean)).isSameAs(clean);
        assertThat(WarehouseJson.storable(literal)).isEqualTo(literal);
    }
}
