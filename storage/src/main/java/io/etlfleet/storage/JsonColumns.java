package io.etlfleet.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSONB columns that hold flat maps (counts, cursors, checkpoints). */
public final class JsonColumns {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static Map<String, Long> counts(String json) {
        return json == null ? Map.of() : MAPPER.readValue(json, COUNTS);
    }

    public static Map<String, String> strings(String json) {
        return json == null ? Map.of() : MAPPER.readValue(json, STRINGS);
    }
}
