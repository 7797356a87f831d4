package io.etlfleet.storage.flows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads a flow's JSON into a {@link FlowDefinition}, adding a problem for each rule it breaks. */
final class FlowReader {

    private static final int MAX_NAME = 200;

    private final FlowProblems problems;

    FlowReader(FlowProblems problems) {
        this.problems = problems;
    }

    FlowDefinition read(JsonNode body) {
        if (body == null || !body.isObject()) {
            problems.add("body", "a flow is a JSON object");
            return null;
        }
        int before = problems.size();
        String name = name(body.path("name"));
        String table = targetTable(body.path("target_table"));
        FlowMode mode = mode(body.path("mode"));
        Map<String, ColumnType> targets = new LinkedHashMap<>();
        List<FlowMapping> mappings = mappings(body.path("mappings"), targets);
        List<String> key = key(body.path("key"), mode, mappings == null ? null : targets);
        if (problems.size() > before) {
            return null;
        }
        return new FlowDefinition(name, table, mode, key, mappings);
    }

    private String name(JsonNode node) {
        if (!node.isString() || node.stringValue().isBlank()) {
            problems.add("name", "required: a non-blank string");
            return null;
        }
        if (node.stringValue().length() > MAX_NAME) {
            problems.add("name", "at most " + MAX_NAME + " characters");
        }
        return node.stringValue();
    }

    private String targetTable(JsonNode node) {
        if (!node.isString()) {
            problems.add("target_table", "required: a table name");
            return null;
        }
        String problem = FlowNames.identifierProblem(node.stringValue());
        if (problem != null) {
            problems.add("target_table", problem);
        }
        return node.stringValue();
    }

    private FlowMode mode(JsonNode node) {
        if (!node.isString()) {
            problems.add("mode", "required: one of " + FlowMode.accepted());
            return null;
        }
        try {
            return FlowMode.fromWire(node.stringValue());
        } catch (IllegalArgumentException e) {
            problems.add("mode", e.getMessage());
            return null;
        }
    }

    /**
     * The valid mappings, or null when {@code node} is not an array of 1 to 500; {@code targets}
     * gets every mapping's target and type (null when invalid), valid or not.
     */
    private List<FlowMapping> mappings(JsonNode node, Map<String, ColumnType> targets) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add("mappings", "required: an array of at least one mapping");
            return null;
        }
        if (node.size() > FlowDefinition.MAX_MAPPINGS) {
            problems.add("mappings", "at most " + FlowDefinition.MAX_MAPPINGS + " mappings, not " + node.size());
            return null;
        }
        List<FlowMapping> mappings = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "mappings[" + i + "]";
            JsonNode mappingNode = node.get(i);
            FlowMapping mapping = mapping(mappingNode, field);
            String target = mappingNode.path("target").isString() ? mappingNode.path("target").stringValue() : null;
            if (target == null) {
                continue;
            }
            Integer first = firstIndex.putIfAbsent(target, i);
            if (first != null) {
                problems.add(field + ".target", "'" + target + "' is already the target of mappings[" + first + "]");
            } else {
                targets.put(target, mapping == null ? typeOrNull(mappingNode.path("type")) : mapping.type());
            }
            if (mapping != null) {
                mappings.add(mapping);
            }
        }
        return mappings;
    }

    private FlowMapping mapping(JsonNode node, String field) {
        if (!node.isObject()) {
            problems.add(field, "a mapping is an object {\"source\", \"target\", \"type\", \"transform\"}");
            return null;
        }
        int before = problems.size();
        ColumnType type = type(node.path("type"), field + ".type");
        String source = source(node.path("source"), field + ".source", type);
        String target = target(node.path("target"), field + ".target");
        List<FlowTransform> transforms = new TransformReader(problems).read(node.path("transform"), field + ".transform", type);
        if (problems.size() > before) {
            return null;
        }
        return new FlowMapping(source, target, type, transforms);
    }

    private ColumnType type(JsonNode node, String field) {
        if (!node.isString()) {
            problems.add(field, "required: one of " + ColumnType.accepted());
            return null;
        }
        try {
            return ColumnType.fromWire(node.stringValue());
        } catch (IllegalArgumentException e) {
            problems.add(field, e.getMessage());
            return null;
        }
    }

    private static ColumnType typeOrNull(JsonNode node) {
        try {
            return node.isString() ? ColumnType.fromWire(node.stringValue()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String source(JsonNode node, String field, ColumnType type) {
        if (!node.isString()) {
            problems.add(field, "required: a JSON pointer into the raw object, such as /user/login");
            return null;
        }
        String pointer = node.stringValue();
        if (!FlowNames.validPointer(pointer)) {
            problems.add(field, "'" + pointer + "' is not a JSON pointer: it starts with / (such as /user/login),"
                    + " and ~ is written ~0, / inside a name ~1");
        } else if (pointer.isEmpty() && type != null && type != ColumnType.JSONB) {
            problems.add(field, "the whole object (\"\") maps only to a jsonb column");
        }
        return pointer;
    }

    private String target(JsonNode node, String field) {
        if (!node.isString()) {
            problems.add(field, "required: a column name");
            return null;
        }
        String problem = FlowNames.identifierProblem(node.stringValue());
        if (problem != null) {
            problems.add(field, problem);
        }
        return node.stringValue();
    }

    /** @param types every mapping target and its type; null when the mappings could not be read, so the key is not checked against them */
    private List<String> key(JsonNode node, FlowMode mode, Map<String, ColumnType> types) {
        if (node.isMissingNode() || node.isNull()) {
            if (mode == FlowMode.MERGE) {
                problems.add("key", "required for a merge flow: the columns that identify a row");
            }
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("key", "an array of mapping targets");
            return List.of();
        }
        if (node.isEmpty() && mode == FlowMode.MERGE) {
            problems.add("key", "a merge flow needs at least one key column");
        }
        if (node.size() > FlowDefinition.MAX_KEY_COLUMNS) {
            problems.add("key", "at most " + FlowDefinition.MAX_KEY_COLUMNS + " key columns");
        }
        List<String> key = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "key[" + i + "]";
            JsonNode column = node.get(i);
            if (!column.isString()) {
                problems.add(field, "a mapping target (a string)");
                continue;
            }
            String name = column.stringValue();
            if (!seen.add(name)) {
                problems.add(field, "'" + name + "' is already in the key");
            } else if (types != null && !types.containsKey(name)) {
                problems.add(field, "'" + name + "' is not the target of any mapping");
            } else if (types != null && types.get(name) == ColumnType.JSONB) {
                problems.add(field, "'" + name + "' is a jsonb column, which cannot be a key");
            }
            key.add(name);
        }
        return key;
    }
}
