package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.spi.InvalidConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/** Reading the fields of a {@code rest} config, each error naming the field's path. */
final class ConfigFields {

    private ConfigFields() {
    }

    /** Refuses keys of {@code node} outside {@code allowed}, naming the first unknown one. */
    static void onlyOptions(JsonNode node, String field, String what, Set<String> allowed) {
        List<String> names = new ArrayList<>(node.propertyNames());
        for (String name : names) {
            if (!allowed.contains(name)) {
                throw new InvalidConfigException(field + "." + name, "is not an option of " + what + " (options: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** A string field, or null when absent or null. */
    static String optionalText(JsonNode node, String name, String field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidConfigException(field, "must be a string");
        }
        return value.asString();
    }

    static String requiredText(JsonNode node, String name, String field) {
        String value = optionalText(node, name, field);
        if (value == null || value.isBlank()) {
            throw new InvalidConfigException(field, "is required");
        }
        return value;
    }

    /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
    static Integer optionalInt(JsonNode node, String name, String field, int min, int max, Integer fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new InvalidConfigException(field, "must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    /** A query parameter name the connector sends: non-blank, printable, no {@code &}, {@code =} or {@code #}. */
    static String paramName(JsonNode node, String name, String field, String fallback) {
        String value = optionalText(node, name, field);
        if (value == null) {
            if (fallback == null) {
                throw new InvalidConfigException(field, "is required");
            }
            return fallback;
        }
        if (!value.matches("[\\x21-\\x7E&&[^&=#]]+")) {
            throw new InvalidConfigException(field, "must be a query parameter name (printable, no spaces, & = or #)");
        }
        return value;
    }

    /**
     * A JSON pointer ({@code /data/items}) or, for convenience, a top-level field name
     * ({@code updated_at}, read as {@code /updated_at}).
     *
     * @param allowWhole whether {@code ""} (the whole value) is allowed
     */
    static JsonPointer pointer(String text, String field, boolean allowWhole) {
        if (text.isEmpty()) {
            if (!allowWhole) {
                throw new InvalidConfigException(field, "must name a field or be a JSON pointer such as /id");
            }
            return JsonPointer.empty();
        }
        if (!text.startsWith("/")) {
            return JsonPointer.empty().appendProperty(text);
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(field, "is not a valid JSON pointer: " + e.getMessage());
        }
    }
}
