package io.etlfleet.storage.flows;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks a flow definition as the API receives it, without building it. */
public final class FlowValidation {

    private FlowValidation() {
    }

    /**
     * Every problem of {@code body}, empty when it is a valid flow. The rules: {@code name} a
     * non-blank string of at most 200 characters; {@code target_table} and every mapping's
     * {@code target} an identifier {@code [a-z_][a-z0-9_]{0,62}} not starting with
     * {@code _etl_}; {@code mode} {@code merge}, {@code append} or {@code replace};
     * {@code mappings} 1 to {@value FlowDefinition#MAX_MAPPINGS}, with unique targets,
     * {@code source} a JSON pointer ({@code ""}, the whole object, only for jsonb), a known
     * {@code type} and known transforms ({@link FlowTransform}); {@code key} columns are
     * mapping targets, not jsonb, at most {@value FlowDefinition#MAX_KEY_COLUMNS}, required for
     * merge.
     */
    public static List<FieldProblem> validate(JsonNode body) {
        FlowProblems problems = new FlowProblems();
        FlowDefinition.parse(body, problems);
        return problems.list();
    }
}
