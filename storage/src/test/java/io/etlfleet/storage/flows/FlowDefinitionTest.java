package io.etlfleet.storage.flows;

import static io.etlfleet.storage.flows.Flows.aMergeFlow;
import static io.etlfleet.storage.flows.Flows.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlowDefinitionTest {

    @Test
    void readsAFlowWithEveryTransformForm() {
        FlowDefinition flow = FlowDefinition.from(json("""
                {"name":"people","integration_id":"x","entity_type":"users","destination_id":null,
                 "target_table":"people","mode":"merge","key":["login"],
                 "mappings":[
                   {"source":"/user/login","target":"login","type":"text","transform":"trim"},
                   {"source":"/name","target":"full_name","type":"text",
                    "transform":[{"concat":["/first","/last"],"separator":" "},"upper",{"default":"?"}]},
                   {"source":"/born","target":"born","type":"date","transform":{"parse":"dd/MM/yyyy"}},
                   {"source":"","target":"doc","type":"jsonb"}]}"""));

        assertThat(flow.name()).isEqualTo("people");
        assertThat(flow.targetTable()).isEqualTo("people");
        assertThat(flow.mode()).isEqualTo(FlowMode.MERGE);
        assertThat(flow.key()).containsExactly("login");
        assertThat(flow.mappings()).extracting(FlowMapping::target).containsExactly("login", "full_name", "born", "doc");
        assertThat(flow.mappings().get(0)).isEqualTo(new FlowMapping("/user/login", "login", ColumnType.TEXT,
                List.of(new FlowTransform.Trim())));
        assertThat(flow.mappings().get(1).transforms()).containsExactly(
                new FlowTransform.Concat(List.of("/first", "/last"), " "), new FlowTransform.Upper(),
                new FlowTransform.Default(json("\"?\"")));
        assertThat(flow.mappings().get(2).transforms()).containsExactly(new FlowTransform.Parse("dd/MM/yyyy"));
        assertThat(flow.mappings().get(3)).isEqualTo(new FlowMapping("", "doc", ColumnType.JSONB, List.of()));
        assertThat(flow.mergesByKey()).isTrue();
    }

    @Test
    void appendAndReplaceFlowsNeedNoKeyAndReplaceMergesWhenItHasOne() {
        FlowDefinition append = FlowDefinition.from(aMergeFlow().put("mode", "append").without("key"));
        FlowDefinition replace = FlowDefinition.from(aMergeFlow().put("mode", "replace").without("key"));
        FlowDefinition keyedReplace = FlowDefinition.from(aMergeFlow().put("mode", "replace"));

        assertThat(append.key()).isEmpty();
        assertThat(append.mergesByKey()).isFalse();
        assertThat(replace.mergesByKey()).isFalse();
        assertThat(keyedReplace.key()).containsExactly("id");
        assertThat(keyedReplace.mergesByKey()).isTrue();
    }

    @Test
    void fromThrowsWithEveryProblem() {
        assertThatThrownBy(() -> FlowDefinition.from(aMergeFlow().put("target_table", "Orders").put("mode", "upsert")))
                .isInstanceOfSatisfying(InvalidFlowException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("target_table", "mode"))
                .hasMessageContaining("target_table: 'Orders' is not an identifier");
    }

    @Test
    void parseCollectsProblemsAndReturnsNull() {
        FlowProblems problems = new FlowProblems();

        assertThat(FlowDefinition.parse(json("[]"), problems)).isNull();
        assertThat(problems.list()).containsExactly(new FieldProblem("body", "a flow is a JSON object"));
    }

    @Test
    void findsAMappingByTarget() {
        FlowDefinition flow = FlowDefinition.from(aMergeFlow("{\"source\":\"/a\",\"target\":\"a\",\"type\":\"text\"}"));

        assertThat(flow.mapping("a")).map(FlowMapping::source).contains("/a");
        assertThat(flow.mapping("b")).isEmpty();
    }
}
