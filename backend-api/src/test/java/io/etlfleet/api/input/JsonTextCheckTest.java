package io.etlfleet.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.errors.FieldProblem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonTextCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void namesNestedValuesByTheirJsonPath() {
        List<FieldProblem> problems = check("""
                {"name":"ok","config":{"base_url":"https://x\\u0001.org","tables":[{"name":"t"},{"name":"a\\u007fb"}]},
                 "credentials":{"token":"sec\\u0000ret"},"entities":["github_issues","x\\ud800"]}""");

        assertThat(problems).extracting(FieldProblem::field)
                .containsExactly("config.base_url", "config.tables[1].name", "credentials.token", "entities[1]");
        assertThat(problems.get(2).message()).isEqualTo("must not contain control characters (found U+0000)");
        assertThat(problems.get(3).message()).contains("U+D800");
    }

    @Test
    void namesAFieldNameThatHoldsAControlCharacterEscaped() {
        List<FieldProblem> problems = check("{\"config\":{\"a\\u0000b\":\"v\"},\"x\\u009b\":1}");

        assertThat(problems).containsExactly(
                new FieldProblem("config.a\\u0000b", "has a name that must not contain control characters (found U+0000)"),
                new FieldProblem("x\\u009b", "has a name that must not contain control characters (found U+009B)"));
    }

    @Test
    void neverRepeatsTheValue() {
        List<FieldProblem> problems = check("{\"credentials\":{\"token\":\"ghp_topsecret\\u0000value\"}}");

        assertThat(problems.toString()).doesNotContain("topsecret").doesNotContain("value");
    }

    @Test
    void allowsLineBreaksOnlyAtFreeTextPaths() {
        JsonNode body = JSON.readTree("{\"reason\":\"two\\nlines\",\"name\":\"two\\nlines\"}");

        assertThat(JsonTextCheck.problems(body, Set.of("reason"))).extracting(FieldProblem::field).containsExactly("name");
    }

    @Test
    void acceptsCleanDocumentsAndLeavesNonStringsAlone() {
        assertThat(check("{\"name\":\"a b\",\"n\":1,\"b\":true,\"z\":null,\"list\":[1.5,\"ü\"]}")).isEmpty();
    }

    @Test
    void leavesABareStringBodyToTheBinding() {
        assertThat(check("\"\\u0000\"")).isEmpty();
    }

    @Test
    void stopsAfterEnoughProblemsToFixTheRequest() {
        String many = "{\"list\":[" + "\"\\u0000\",".repeat(50) + "\"\\u0000\"]}";

        assertThat(check(many)).hasSize(JsonTextCheck.MAX_PROBLEMS);
    }

    private static List<FieldProblem> check(String json) {
        return JsonTextCheck.problems(JSON.readTree(json), Set.of());
    }
}
