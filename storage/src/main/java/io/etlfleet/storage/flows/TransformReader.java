package io.etlfleet.storage.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads a mapping's {@code transform} in its JSON forms (see {@link FlowTransform}). */
final class TransformReader {

    private static final String KNOWN = "trim, lower, upper, default, parse, concat";
    private static final Set<String> NAMED = Set.of("trim", "lower", "upper");
    private static final Set<String> WITH_VALUE = Set.of("default", "parse", "concat");

    private final FlowProblems problems;

    TransformReader(FlowProblems problems) {
        this.problems = problems;
    }

    /** @param type the column's type, null when it is itself invalid */
    List<FlowTransform> read(JsonNode node, String field, ColumnType type) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        List<FlowTransform> transforms = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String itemField = field + "[" + i + "]";
                if (node.get(i).isArray()) {
                    problems.add(itemField, "a transform is a name or an object, not an array");
                    continue;
                }
                add(one(node.get(i), itemField, type), itemField, transforms, fields);
            }
        } else {
            add(one(node, field, type), field, transforms, fields);
        }
        checkDefaults(transforms, fields, type);
        return transforms;
    }

    private static void add(FlowTransform transform, String field, List<FlowTransform> transforms, List<String> fields) {
        if (transform != null) {
            transforms.add(transform);
            fields.add(field);
        }
    }

    private FlowTransform one(JsonNode node, String field, ColumnType type) {
        if (node.isString()) {
            return named(node.stringValue(), field);
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(field, "a transform is a name (\"trim\") or an object ({\"default\": 0}); known: " + KNOWN);
            return null;
        }
        List<String> names = node.propertyNames().stream().filter(WITH_VALUE::contains).toList();
        if (names.isEmpty()) {
            problems.add(field, "unknown transform '" + node.propertyNames().iterator().next() + "' (" + KNOWN + ")");
            return null;
        }
        if (names.size() > 1) {
            problems.add(field, "one transform per object, not " + String.join(" and ", names) + "; chain them in an array");
            return null;
        }
        String name = names.get(0);
        Set<String> allowed = name.equals("concat") ? Set.of("concat", "separator") : Set.of(name);
        for (String property : node.propertyNames()) {
            if (!allowed.contains(property)) {
                problems.add(field, "unknown property '" + property + "' of a " + name + " transform");
                return null;
            }
        }
        return switch (name) {
            case "default" -> defaultValue(node.get("default"), field, type);
            case "parse" -> parse(node.get("parse"), field, type);
            default -> concat(node.get("concat"), node.get("separator"), field);
        };
    }

    private FlowTransform named(String name, String field) {
        switch (name) {
            case "trim":
                return new FlowTransform.Trim();
            case "lower":
                return new FlowTransform.Lower();
            case "upper":
                return new FlowTransform.Upper();
            default:
                if (WITH_VALUE.contains(name)) {
                    problems.add(field, "'" + name + "' needs a value, as in " + example(name));
                } else {
                    problems.add(field, "unknown transform '" + name + "' (" + KNOWN + ")");
                }
                return null;
        }
    }

    private static String example(String name) {
        return Map.of("default", "{\"default\": 0}", "parse", "{\"parse\": \"dd/MM/yyyy\"}",
                "concat", "{\"concat\": [\"/first\", \"/last\"], \"separator\": \" \"}").get(name);
    }

    private FlowTransform defaultValue(JsonNode value, String field, ColumnType type) {
        if (value.isNull()) {
            problems.add(field, "a default needs a value that is not null");
            return null;
        }
        if (value.isContainer() && type != ColumnType.JSONB) {
            problems.add(field, "a default is a string, number or boolean (objects and arrays only for jsonb columns)");
            return null;
        }
        return new FlowTransform.Default(value.deepCopy());
    }

    private FlowTransform parse(JsonNode pattern, String field, ColumnType type) {
        if (!pattern.isString() || pattern.stringValue().isEmpty()) {
            problems.add(field, "parse needs a date-time pattern, such as \"dd/MM/yyyy HH:mm\"");
            return null;
        }
        try {
            Timestamps.pattern(pattern.stringValue());
        } catch (IllegalArgumentException e) {
            problems.add(field, "'" + pattern.stringValue() + "' is not a date-time pattern: " + e.getMessage());
            return null;
        }
        if (type != null && !type.temporal()) {
            problems.add(field, "parse applies only to date and timestamp columns, not " + type.wireName());
            return null;
        }
        return new FlowTransform.Parse(pattern.stringValue());
    }

    private FlowTransform concat(JsonNode parts, JsonNode separator, String field) {
        if (!parts.isArray() || parts.isEmpty()) {
            problems.add(field, "concat needs a non-empty array of JSON pointers and literal strings");
            return null;
        }
        List<String> list = new ArrayList<>();
        for (JsonNode part : parts) {
            if (!part.isString()) {
                problems.add(field, "concat parts are strings: a JSON pointer (/name) or literal text");
                return null;
            }
            if (part.stringValue().startsWith("/") && !FlowNames.validPointer(part.stringValue())) {
                problems.add(field, "'" + part.stringValue() + "' is not a JSON pointer (~ is written ~0, / inside a name ~1)");
                return null;
            }
            list.add(part.stringValue());
        }
        if (separator != null && !separator.isString()) {
            problems.add(field, "a concat separator is a string");
            return null;
        }
        return new FlowTransform.Concat(list, separator == null ? "" : separator.stringValue());
    }

    /** A default must suit the column unless a later parse or concat turns it into something that does. */
    private void checkDefaults(List<FlowTransform> transforms, List<String> fields, ColumnType type) {
        if (type == null) {
            return;
        }
        for (int i = 0; i < transforms.size(); i++) {
            if (!(transforms.get(i) instanceof FlowTransform.Default value)) {
                continue;
            }
            boolean reshaped = transforms.subList(i + 1, transforms.size()).stream()
                    .anyMatch(t -> t instanceof FlowTransform.Parse || t instanceof FlowTransform.Concat);
            if (reshaped) {
                continue;
            }
            try {
                ColumnValues.convert(value.value(), type);
            } catch (ValueRefused e) {
                problems.add(fields.get(i), "the default " + e.getMessage());
            }
        }
    }
}
