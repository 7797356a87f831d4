package io.etlfleet.storage.flows;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test data: flows and raw objects written as JSON. */
final class Flows {

    private Flows() {
    }

    static JsonNode json(String text) {
        return RowMapper.readRaw(text);
    }

    /** A valid merge flow into {@code orders}, keyed by {@code id}, with the given mappings after {@code /id → id}. */
    static ObjectNode aMergeFlow(String... moreMappings) {
        StringBuilder mappings = new StringBuilder("{\"source\":\"/id\",\"target\":\"id\",\"type\":\"bigint\"}");
        for (String mapping : moreMappings) {
            mappings.append(',').append(mapping);
        }
        return (ObjectNode) json("""
                {"name":"orders","integration_id":"1f0c1a9e-0000-4000-8000-000000000001","entity_type":"orders",
                 "target_table":"orders","mode":"merge","key":["id"],"mappings":[%s]}""".formatted(mappings));
    }

    /** A mapper for a merge flow keyed by {@code id} with one more mapping. */
    static RowMapper mapperFor(String mapping) {
        return new RowMapper(FlowDefinition.from(aMergeFlow(mapping)));
    }
}
