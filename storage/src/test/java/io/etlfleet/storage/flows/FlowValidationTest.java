package io.etlfleet.storage.flows;

import static io.etlfleet.storage.flows.Flows.aMergeFlow;
import static io.etlfleet.storage.flows.Flows.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FlowValidationTest {

    private static List<FieldProblem> problemsOf(JsonNode body) {
        return FlowValidation.validate(body);
    }

    private static List<String> fieldsOf(JsonNode body) {
        return problemsOf(body).stream().map(FieldProblem::field).toList();
    }

    private static ObjectNode withMapping(String mapping) {
        return aMergeFlow(mapping);
    }

    @Test
    void acceptsAValidFlow() {
        assertThat(problemsOf(aMergeFlow("{\"source\":\"/a\",\"target\":\"a\",\"type\":\"text\"}"))).isEmpty();
    }

    @Test
    void requiresNameTargetTableModeAndMappings() {
        assertThat(problemsOf(json("{}"))).extracting(FieldProblem::field)
                .containsExactly("name", "target_table", "mode", "mappings");
        assertThat(fieldsOf(aMergeFlow().put("name", "  "))).containsExactly("name");
        assertThat(fieldsOf(aMergeFlow().put("name", "x".repeat(201)))).containsExactly("name");
    }

    @Test
    void refusesTargetTablesThatAreNotIdentifiersOrAreReserved() {
        assertThat(fieldsOf(aMergeFlow().put("target_table", "1orders"))).containsExactly("target_table");
        assertThat(fieldsOf(aMergeFlow().put("target_table", "my-orders"))).containsExactly("target_table");
        assertThat(fieldsOf(aMergeFlow().put("target_table", "o".repeat(64)))).containsExactly("target_table");
        assertThat(problemsOf(aMergeFlow().put("target_table", "_etl_orders"))).singleElement()
                .extracting(FieldProblem::message).asString().contains("starts with _etl_");
        assertThat(problemsOf(aMergeFlow().put("target_table", "_orders_" + "o".repeat(55)))).isEmpty();
    }

    @Test
    void namesTheAcceptedModes() {
        assertThat(problemsOf(aMergeFlow().put("mode", "upsert"))).containsExactly(
                new FieldProblem("mode", "'upsert' is not a flow mode (merge, append, replace)"));
    }

    @Test
    void aMergeFlowNeedsAKeyOfMappingTargets() {
        assertThat(problemsOf(aMergeFlow().without("key")))
                .containsExactly(new FieldProblem("key", "required for a merge flow: the columns that identify a row"));
        ObjectNode emptyKey = aMergeFlow();
        emptyKey.putArray("key");
        assertThat(fieldsOf(emptyKey)).containsExactly("key");
        ObjectNode notAnArray = aMergeFlow().put("key", "id");
        assertThat(fieldsOf(notAnArray)).containsExactly("key");
    }

    @Test
    void keyColumnsMustBeDistinctNonJsonMappingTargets() {
        ObjectNode flow = withMapping("{\"source\":\"\",\"target\":\"doc\",\"type\":\"jsonb\"}");
        flow.putArray("key").add("id").add("missing").add("id").add("doc").add(3);

        assertThat(problemsOf(flow)).containsExactly(
                new FieldProblem("key[1]", "'missing' is not the target of any mapping"),
                new FieldProblem("key[2]", "'id' is already in the key"),
                new FieldProblem("key[3]", "'doc' is a jsonb column, which cannot be a key"),
                new FieldProblem("key[4]", "a mapping target (a string)"));
    }

    @Test
    void atMostSixteenKeyColumns() {
        ObjectNode flow = aMergeFlow();
        ArrayNode mappings = (ArrayNode) flow.get("mappings");
        ArrayNode key = flow.putArray("key");
        for (int i = 0; i < 17; i++) {
            mappings.add(json("{\"source\":\"/k%d\",\"target\":\"k%d\",\"type\":\"text\"}".formatted(i, i)));
            key.add("k" + i);
        }
        assertThat(fieldsOf(flow)).containsExactly("key");
    }

    @Test
    void keyColumnsOfAnInvalidMappingStillCountAsTargets() {
        ObjectNode flow = withMapping("{\"source\":\"/a\",\"target\":\"a\",\"type\":\"varchar\"}");
        flow.putArray("key").add("a");

        assertThat(fieldsOf(flow)).containsExactly("mappings[1].type");
    }

    @Test
    void anAppendFlowChecksAKeyOnlyWhenItHasOne() {
        assertThat(problemsOf(aMergeFlow().put("mode", "append").without("key"))).isEmpty();
        ObjectNode flow = aMergeFlow().put("mode", "replace");
        flow.putArray("key").add("nope");
        assertThat(fieldsOf(flow)).containsExactly("key[0]");
    }

    @Test
    void needsOneToFiveHundredMappings() {
        ObjectNode none = aMergeFlow().put("mode", "append").without("key");
        none.putArray("mappings");
        assertThat(fieldsOf(none)).containsExactly("mappings");

        ObjectNode many = aMergeFlow();
        ArrayNode mappings = (ArrayNode) many.get("mappings");
        for (int i = 1; i < 501; i++) {
            mappings.add(json("{\"source\":\"/c%d\",\"target\":\"c%d\",\"type\":\"text\"}".formatted(i, i)));
        }
        assertThat(problemsOf(many)).containsExactly(new FieldProblem("mappings", "at most 500 mappings, not 501"));
        mappings.remove(500);
        assertThat(problemsOf(many)).isEmpty();
    }

    @Test
    void eachMappingIsAnObjectWithSourceTargetAndType() {
        ObjectNode flow = aMergeFlow();
        ((ArrayNode) flow.get("mappings")).add("a").add(json("{}"));

        assertThat(fieldsOf(flow)).containsExactly("mappings[1]", "mappings[2].type", "mappings[2].source",
                "mappings[2].target");
    }

    @Test
    void targetsAreUniqueIdentifiersOutsideTheReservedPrefix() {
        assertThat(problemsOf(withMapping("{\"source\":\"/x\",\"target\":\"id\",\"type\":\"text\"}"))).containsExactly(
                new FieldProblem("mappings[1].target", "'id' is already the target of mappings[0]"));
        assertThat(fieldsOf(withMapping("{\"source\":\"/x\",\"target\":\"Name\",\"type\":\"text\"}")))
                .containsExactly("mappings[1].target");
        assertThat(fieldsOf(withMapping("{\"source\":\"/x\",\"target\":\"_etl_raw_id\",\"type\":\"bigint\"}")))
                .containsExactly("mappings[1].target");
    }

    @Test
    void sourcesAreJsonPointersAndOnlyJsonbTakesTheWholeObject() {
        assertThat(fieldsOf(withMapping("{\"source\":\"user/login\",\"target\":\"a\",\"type\":\"text\"}")))
                .containsExactly("mappings[1].source");
        assertThat(fieldsOf(withMapping("{\"source\":\"/a~2b\",\"target\":\"a\",\"type\":\"text\"}")))
                .containsExactly("mappings[1].source");
        assertThat(problemsOf(withMapping("{\"source\":\"/a~1b/~0c/0\",\"target\":\"a\",\"type\":\"text\"}"))).isEmpty();
        assertThat(problemsOf(withMapping("{\"source\":\"\",\"target\":\"a\",\"type\":\"text\"}"))).containsExactly(
                new FieldProblem("mappings[1].source", "the whole object (\"\") maps only to a jsonb column"));
        assertThat(problemsOf(withMapping("{\"source\":\"\",\"target\":\"a\",\"type\":\"jsonb\"}"))).isEmpty();
        assertThat(fieldsOf(withMapping("{\"source\":7,\"target\":\"a\",\"type\":\"text\"}")))
                .containsExactly("mappings[1].source");
    }

    @Test
    void namesTheAcceptedTypes() {
        assertThat(problemsOf(withMapping("{\"source\":\"/a\",\"target\":\"a\",\"type\":\"float\"}"))).containsExactly(
                new FieldProblem("mappings[1].type",
                        "'float' is not a column type (text, integer, bigint, numeric, boolean, date, timestamp, jsonb)"));
    }

    @Test
    void namesAnUnknownTransformInEveryForm() {
        assertThat(problemsOf(withMapping("{\"source\":\"/a\",\"target\":\"a\",\"type\":\"text\",\"transform\":\"strip\"}")))
                .containsExactly(new FieldProblem("mappings[1].transform",
                        "unknown transform 'strip' (trim, lower, upper, default, parse, concat)"));
        assertThat(problemsOf(withMapping(
                "{\"source\":\"/a\",\"target\":\"a\",\"type\":\"text\",\"transform\":[\"trim\",{\"replace\":\"x\"}]}")))
                .containsExactly(new FieldProblem("mappings[1].transform[1]",
                        "unknown transform 'replace' (trim, lower, upper, default, parse, concat)"));
    }

    @Test
    void refusesMalformedTransforms() {
        String base = "{\"source\":\"/a\",\"target\":\"a\",\"type\":\"%s\",\"transform\":%s}";
        assertThat(fieldsOf(withMapping(base.formatted("text", "7")))).containsExactly("mappings[1].transform");
        assertThat(fieldsOf(withMapping(base.formatted("text", "{}")))).containsExactly("mappings[1].transform");
        assertThat(fieldsOf(withMapping(base.formatted("text", "[\"trim\",[\"lower\"]]"))))
                .containsExactly("mappings[1].transform[1]");
        assertThat(problemsOf(withMapping(base.formatted("text", "\"default\"")))).singleElement()
                .extracting(FieldProblem::message).isEqualTo("'default' needs a value, as in {\"default\": 0}");
        assertThat(problemsOf(withMapping(base.formatted("text", "{\"default\":1,\"parse\":\"yyyy\"}")))).singleElement()
                .extracting(FieldProblem::message).asString().startsWith("one transform per object");
        assertThat(problemsOf(withMapping(base.formatted("text", "{\"default\":1,\"separator\":\",\"}")))).singleElement()
                .extracting(FieldProblem::message).isEqualTo("unknown property 'separator' of a default transform");
        assertThat(fieldsOf(withMapping(base.formatted("text", "{\"default\":null}")))).containsExactly("mappings[1].transform");
        assertThat(fieldsOf(withMapping(base.formatted("text", "{\"default\":{\"a\":1}}")))).containsExactly("mappings[1].transform");
        assertThat(problemsOf(withMapping(base.formatted("jsonb", "{\"default\":{\"a\":1}}")))).isEmpty();
    }

    @Test
    void parseNeedsAValidPatternAndADateOrTimestampColumn() {
        String base = "{\"source\":\"/a\",\"target\":\"a\",\"type\":\"%s\",\"transform\":%s}";
        assertThat(problemsOf(withMapping(base.formatted("text", "{\"parse\":\"dd/MM/yyyy\"}")))).containsExactly(
                new FieldProblem("mappings[1].transform", "parse applies only to date and timestamp columns, not text"));
        assertThat(problemsOf(withMapping(base.formatted("date", "[\"trim\",{\"parse\":\"dd/MM/yyyy {\"}]"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("mappings[1].transform[1]");
                    assertThat(p.message()).startsWith("'dd/MM/yyyy {' is not a date-time pattern");
                });
        assertThat(fieldsOf(withMapping(base.formatted("timestamp", "{\"parse\":\"\"}")))).containsExactly("mappings[1].transform");
        assertThat(problemsOf(withMapping(base.formatted("timestamp", "{\"parse\":\"dd/MM/yyyy HH:mm\"}")))).isEmpty();
    }

    @Test
    void concatNeedsPartsThatAreStringsAndPointersThatAreValid() {
        String base = "{\"source\":\"/a\",\"target\":\"a\",\"type\":\"text\",\"transform\":%s}";
        assertThat(fieldsOf(withMapping(base.formatted("{\"concat\":[]}")))).containsExactly("mappings[1].transform");
        assertThat(fieldsOf(withMapping(base.formatted("{\"concat\":[\"/a\",1]}")))).containsExactly("mappings[1].transform");
        assertThat(fieldsOf(withMapping(base.formatted("{\"concat\":[\"/a~x\"]}")))).containsExactly("mappings[1].transform");
        assertThat(fieldsOf(withMapping(base.formatted("{\"concat\":[\"/a\"],\"separator\":1}"))))
                .containsExactly("mappings[1].transform");
        assertThat(problemsOf(withMapping(base.formatted("{\"concat\":[\"/a\",\"-\",\"/b\"],\"separator\":\"\"}")))).isEmpty();
    }

    @Test
    void aDefaultMustSuitTheColumnUnlessALaterStepReshapesIt() {
        String base = "{\"source\":\"/a\",\"target\":\"a\",\"type\":\"%s\",\"transform\":%s}";
        assertThat(problemsOf(withMapping(base.formatted("integer", "{\"default\":\"none\"}")))).containsExactly(
                new FieldProblem("mappings[1].transform", "the default \"none\" is not an integer"));
        assertThat(problemsOf(withMapping(base.formatted("boolean", "[\"trim\",{\"default\":\"yes\"}]")))).isEmpty();
        assertThat(problemsOf(withMapping(base.formatted("date", "[{\"default\":\"01/01/2000\"},{\"parse\":\"dd/MM/yyyy\"}]"))))
                .isEmpty();
    }
}
