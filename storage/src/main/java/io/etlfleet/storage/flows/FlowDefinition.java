package io.etlfleet.storage.flows;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What a flow writes: its target table, how, by which key, and its column mappings. Read from
 * the API's JSON with {@link #from(JsonNode)} (or {@link #parse(JsonNode, FlowProblems)});
 * only {@code name}, {@code target_table}, {@code mode}, {@code key} and {@code mappings} are
 * read here, the references ({@code integration_id}, {@code entity_type},
 * {@code destination_id}) are the API's to check.
 *
 * @param key the key columns, each a mapping target; always set for {@link FlowMode#MERGE},
 *            optional for the other modes (see {@link #mergesByKey()})
 */
public record FlowDefinition(String name, String targetTable, FlowMode mode, List<String> key,
        List<FlowMapping> mappings) {

    /** At most this many mappings per flow. */
    public static final int MAX_MAPPINGS = 500;
    /** At most this many key columns (SQL Server's limit for an index). */
    public static final int MAX_KEY_COLUMNS = 16;

    public FlowDefinition {
        key = List.copyOf(key);
        mappings = List.copyOf(mappings);
    }

    /** @throws InvalidFlowException naming every field at fault */
    public static FlowDefinition from(JsonNode body) {
        FlowProblems problems = new FlowProblems();
        FlowDefinition flow = parse(body, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFlowException(problems.list());
        }
        return flow;
    }

    /** The flow, or null when {@code body} has problems, which are added to {@code problems}. */
    public static FlowDefinition parse(JsonNode body, FlowProblems problems) {
        return new FlowReader(problems).read(body);
    }

    /**
     * Whether rows are written by key (one row per key, newest raw version wins): merge flows,
     * and replace flows that name a key. Append flows, and replace flows without one, write
     * one row per raw object version.
     */
    public boolean mergesByKey() {
        return mode == FlowMode.MERGE || (mode == FlowMode.REPLACE && !key.isEmpty());
    }

    public Optional<FlowMapping> mapping(String target) {
        return mappings.stream().filter(m -> m.target().equals(target)).findFirst();
    }
}
