package io.etlfleet.storage.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.StorableText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class LosslessJsonTest {

    private static final String NUL = "\u0000";
    private static final String LONE_HIGH = "\uD83D";
    private static final String LONE_LOW = "\uDE00";

    private static String json(JsonNode node) {
        return JsonColumns.write(node);
    }

    private static ObjectNode object() {
        return JsonColumns.MAPPER.createObjectNode();
    }

    @Test
    void anObjectJsonbTakesIsStoredAsSent() {
        ObjectNode issue = object().put("title", "emoji 😀, e\u0301, שלום, back\\slash, tab\t, \u0001");
        String text = json(issue);

        LosslessJson.Storable storable = LosslessJson.storable(text);

        assertThat(storable.json()).isEqualTo(text);
        assertThat(storable.losslessMetadata()).isNull();
    }

    @Test
    void rewritesOnlyTheStringsHoldingNulOrLoneSurrogatesAndRestoresTheOriginalExactly() {
        ObjectNode issue = object().put("number", 7).put("title", "plain title")
                .put("body", "log line" + NUL + "next \\u0000 literal " + LONE_HIGH + " end" + LONE_LOW);
        issue.putArray("labels").add("ok").add("bad" + NUL);
        issue.putObject("user").put("login", "a" + LONE_LOW + "b");
        String text = json(issue);

        LosslessJson.Storable storable = LosslessJson.storable(text);

        JsonNode stored = JsonColumns.MAPPER.readTree(storable.json());
        assertThat(StorableText.refused(storable.json())).isFalse();
        assertThat(stored.path("title").asString()).isEqualTo("plain title");
        assertThat(stored.path("labels").path(0).asString()).isEqualTo("ok");
        assertThat(stored.path("body").asString()).isEqualTo("log line\\u0000next \\\\u0000 literal \\ud83d end\\ude00");
        JsonNode metadata = JsonColumns.MAPPER.readTree(storable.losslessMetadata());
        assertThat(metadata.path("form").asString()).isEqualTo(LosslessJson.FORM);
        assertThat(metadata.path("values").toString()).isEqualTo("[\"/body\",\"/labels/1\",\"/user/login\"]");
        assertThat(LosslessJson.restore(storable.json(), storable.losslessMetadata())).isEqualTo(text);
    }

    @Test
    void restoresObjectKeysThatHoldNul() {
        ObjectNode fields = object();
        fields.putObject("custom" + NUL + "field/with~chars").put("value", "x" + NUL);
        fields.put("plain", "y");
        String text = json(fields);

        LosslessJson.Storable storable = LosslessJson.storable(text);

        assertThat(StorableText.refused(storable.json())).isFalse();
        assertThat(JsonColumns.MAPPER.readTree(storable.losslessMetadata()).path("keys").toString())
                .isEqualTo("[\"/custom\\\\u0000field~1with~0chars\"]");
        assertThat(LosslessJson.restore(storable.json(), storable.losslessMetadata())).isEqualTo(text);
    }

    @Test
    void aPairedSurrogateAndOtherEscapesAreNotRewritten() {
        String text = "{\"title\":\"\\ud83d\\ude00 \\u00e9 \\u0001\"}";

        LosslessJson.Storable storable = LosslessJson.storable(text);

        assertThat(storable.losslessMetadata()).isNull();
        assertThat(storable.json()).isEqualTo(text);
    }

    @Test
    void theContentHashTellsApartObjectsThatDifferOnlyInALoneSurrogate() {
        NewRawRecord high = NewRawRecord.of("1", json(object().put("t", "x" + LONE_HIGH)), null);
        NewRawRecord low = NewRawRecord.of("1", json(object().put("t", "x" + LONE_LOW)), null);

        assertThat(high.contentHash()).isNotEqualTo(low.contentHash());
        assertThat(NewRawRecord.of("1", json(object().put("t", "x" + LONE_HIGH)), null).contentHash())
                .isEqualTo(high.contentHash());
    }

    @Test
    void anExternalIdWithNulIsSpelledForItsTextColumn() {
        NewRawRecord record = NewRawRecord.of("key" + NUL + "1", "{}", null);

        assertThat(record.externalId()).isEqualTo("key\\u00001");
    }
}
