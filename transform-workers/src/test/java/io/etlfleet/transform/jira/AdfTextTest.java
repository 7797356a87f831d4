package io.etlfleet.transform.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.JsonColumns;
import org.junit.jupiter.api.Test;

class AdfTextTest {

    @Test
    void flattensParagraphsHeadingsListsAndInlineNodesToLines() {
        String adf = """
                {"type":"doc","version":1,"content":[
                  {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Bug"}]},
                  {"type":"paragraph","content":[{"type":"text","text":"Seen by "},
                    {"type":"mention","attrs":{"id":"5b10","text":"@Mia"}},{"type":"text","text":" in "},
                    {"type":"text","text":"prod","marks":[{"type":"strong"}]},{"type":"hardBreak"},
                    {"type":"text","text":"twice"}]},
                  {"type":"paragraph","content":[]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"one"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"two"}]}]}]},
                  {"type":"codeBlock","content":[{"type":"text","text":"x = 1"}]}]}""";

        assertThat(AdfText.of(JsonColumns.MAPPER.readTree(adf))).isEqualTo("Bug\nSeen by @Mia in prod\ntwice\n\none\ntwo\nx = 1");
    }

    @Test
    void passesPlainTextThroughAndMapsAbsentToNull() {
        assertThat(AdfText.of(JsonColumns.MAPPER.readTree("\"plain *wiki* text\""))).isEqualTo("plain *wiki* text");
        assertThat(AdfText.of(JsonColumns.MAPPER.readTree("null"))).isNull();
        assertThat(AdfText.of(null)).isNull();
    }
}
