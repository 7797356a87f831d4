package io.etlfleet.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.etlfleet.api.errors.FieldProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class SurrogateNamesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void blamesTheObjectHoldingAFieldNameJacksonRefusesForAnUnpairedSurrogate() {
        assertThat(describe("{\"credentials\":{\"to\\ud800ken\":\"t\"}}"))
                .isEqualTo(new FieldProblem("credentials", SurrogateNames.MESSAGE));
        assertThat(describe("{\"config\":{\"tables\":[{\"n\":1},{\"\\udc00\":1}]}}"))
                .isEqualTo(new FieldProblem("config.tables[1]", SurrogateNames.MESSAGE));
    }

    @Test
    void blamesNoFieldForATopLevelName() {
        FieldProblem problem = describe("{\"a\\ud800b\":\"x\"}");

        assertThat(problem.field()).isNull();
        assertThat(problem.message()).contains("unpaired UTF-16 surrogate");
    }

    @Test
    void leavesOtherSyntaxErrorsToTheBinding() {
        assertThat(describe("{\"name\":")).isNull();
        assertThat(describe("{\"name\":\"x\",}")).isNull();
    }

    /** Read as bytes, as request bodies are: Jackson's byte parser is the one that refuses these names. */
    private static FieldProblem describe(String json) {
        JacksonException refused = catchThrowableOfType(JacksonException.class, () -> JSON.readTree(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused).as("Jackson refuses " + json).isNotNull();
        return SurrogateNames.describe(refused);
    }
}
