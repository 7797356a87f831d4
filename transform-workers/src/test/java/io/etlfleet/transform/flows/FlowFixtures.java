package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.FlowDefinition;
import io.etlfleet.storage.flows.RowMapper;

/** Test flows: {@code orders} keyed by {@code id} with a name, an amount and a jsonb document. */
final class FlowFixtures {

    static final String MAPPINGS = """
            [{"source":"/id","target":"id","type":"bigint"},
             {"source":"/name","target":"name","type":"text"},
             {"source":"/amount","target":"amount","type":"numeric"},
             {"source":"/doc","target":"doc","type":"jsonb"}]""";

    private FlowFixtures() {
    }

    static FlowDefinition flow(String mode, String key, String mappings) {
        return FlowDefinition.from(RowMapper.readRaw("""
                {"name":"orders flow","target_table":"orders","mode":"%s",%s"mappings":%s}"""
                .formatted(mode, key == null ? "" : "\"key\":" + key + ",", mappings)));
    }

    static FlowDefinition anOrdersMerge() {
        return flow("merge", "[\"id\"]", MAPPINGS);
    }

    static FlowDefinition anOrdersAppend() {
        return flow("append", null, MAPPINGS);
    }

    static FlowDefinition anOrdersReplace() {
        return flow("replace", "[\"id\"]", MAPPINGS);
    }
}
