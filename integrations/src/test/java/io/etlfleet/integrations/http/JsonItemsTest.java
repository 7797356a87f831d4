package io.etlfleet.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.http.JsonItems.Item;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.json.JsonMapper;

class JsonItemsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonItems ITEMS = new JsonItems(MAPPER);

    private static List<Item> items(String body) {
        return ITEMS.ofArray(body.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void keepsEachObjectsTextAsSentWithoutTheWhitespaceBetweenTokens() {
        List<Item> items = items("""
                [
                  {
                    "id": 1,
                    "title": "  spaced   words\\tand a \\"quote\\" \\\\",
                    "labels": [ { "name": "bug" }, { "name": "p 1" } ]
                  },
                  {"id":2,"title":"compact"}
                ]
                """);

        assertThat(items).extracting(Item::json).containsExactly(
                "{\"id\":1,\"title\":\"  spaced   words\\tand a \\\"quote\\\" \\\\\",\"labels\":[{\"name\":\"bug\"},{\"name\":\"p 1\"}]}",
                "{\"id\":2,\"title\":\"compact\"}");
        assertThat(items.get(0).node().path("title").asString()).isEqualTo("  spaced   words\tand a \"quote\" \\");
        assertThat(items.get(1).node().path("id").asInt()).isEqualTo(2);
    }

    @Test
    void keepsNumbersEscapesAndMultiByteTextExactly() {
        String object = "{\"n\":0.30000000000000004441,\"big\":123456789012345678901234567890,\"e\":1E+5,"
                + "\"escaped\":\"caf\\u00e9 \\/ \\u0000\",\"raw\":\"שלום 😀 e\u0301\"}";

        List<Item> items = items("[" + object + "]");

        assertThat(items).singleElement().satisfies(item -> assertThat(item.json()).isEqualTo(object));
    }

    @Test
    void reparsingTheTextGivesTheParsedElement() {
        List<Item> items = items("[{\"a\" : [1, 2, {\"b\" : null}], \"c\" : \"x y\"} , [ true , false ]]");

        assertThat(items).hasSize(2).allSatisfy(item -> assertThat(MAPPER.readTree(item.json())).isEqualTo(item.node()));
        assertThat(items.get(1).json()).isEqualTo("[true,false]");
    }

    @Test
    void leavesAScalarElementsTextToTheCaller() {
        List<Item> items = items("[1, \"two\", null, {\"x\":1}]");

        assertThat(items).extracting(Item::json).containsExactly(null, null, null, "{\"x\":1}");
        assertThat(items.get(1).node().asString()).isEqualTo("two");
        assertThat(items.get(2).node().isNull()).isTrue();
    }

    @Test
    void answersEmptyForABodyThatIsNotAnArrayAndAnEmptyListForAnEmptyArray() {
        assertThat(ITEMS.ofArray("{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(items(" [ ] ")).isEmpty();
    }

    @Test
    void refusesMalformedJsonAndTrailingContent() {
        assertThatThrownBy(() -> items("[{\"a\":1},"))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> items("[{\"a\":1}] [2]"))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> ITEMS.ofArray("{\"a\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }

    private static JsonItems.Located at(String body, String pointer) {
        return ITEMS.ofArrayAt(body.getBytes(StandardCharsets.UTF_8), JsonPointer.compile(pointer));
    }

    @Test
    void findsTheArrayAtAPointerInAnEnvelopeAndKeepsTheRestOfTheBody() {
        JsonItems.Located located = at("""
                {"meta": {"next": "abc", "pages": [1, 2]},
                 "data": {"records": [ {"id": 1, "price": 12.50}, {"id": 2} ], "count": 2},
                 "tail": null}
                """, "/data/records");

        assertThat(located.items()).hasValueSatisfying(items -> assertThat(items).extracting(Item::json)
                .containsExactly("{\"id\":1,\"price\":12.50}", "{\"id\":2}"));
        assertThat(located.body().at("/meta/next").asString()).isEqualTo("abc");
        assertThat(located.body().at("/meta/pages/1").asInt()).isEqualTo(2);
        assertThat(located.body().at("/data/records/1/id").asInt()).isEqualTo(2);
        assertThat(located.body().at("/data/count").asInt()).isEqualTo(2);
        assertThat(located.body().get("tail").isNull()).isTrue();
    }

    @Test
    void findsAnArrayInsideAnArrayAndTheBodyItself() {
        assertThat(at("{\"pages\":[{\"items\":[]},{\"items\":[{\"id\":7}]}]}", "/pages/1/items").items())
                .hasValueSatisfying(items -> assertThat(items).extracting(Item::json).containsExactly("{\"id\":7}"));
        assertThat(at("[{\"id\":1}, 2]", "").items()).hasValueSatisfying(items -> assertThat(items).hasSize(2));
    }

    @Test
    void saysNothingIsThereWhenThePointerMissesOrNamesNoArray() {
        JsonItems.Located missing = at("{\"data\":{\"other\":[]}}", "/data/records");
        JsonItems.Located object = at("{\"data\":{\"records\":{\"id\":1}}}", "/data/records");

        assertThat(missing.items()).isEmpty();
        assertThat(missing.body().at("/data/records").isMissingNode()).isTrue();
        assertThat(object.items()).isEmpty();
        assertThat(object.body().at("/data/records").isObject()).isTrue();
    }

    @Test
    void refusesAMalformedEnvelope() {
        assertThatThrownBy(() -> at("{\"data\":[{\"id\":1}", "/data")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> at("{\"data\":[]} trailing", "/data")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> at("", "/data")).isInstanceOf(JacksonException.class);
    }
}
