package io.etlfleet.storage.flows;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text as warehouse columns can hold it: without NUL (PostgreSQL text and jsonb refuse it),
 * and with each lone UTF-16 surrogate, which no UTF-8 column can hold, replaced by U+FFFD.
 * The raw store keeps the original, so nothing is lost for good.
 */
final class FlowText {

    private static final char REPLACEMENT = '\uFFFD';

    private FlowText() {
    }

    static String storable(String text) {
        if (!suspect(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (c != 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code node} with every string and property name made {@link #storable}; the same instance when nothing changes. */
    static JsonNode storable(JsonNode node) {
        if (node.isString()) {
            String text = node.stringValue();
            return suspect(text) ? JsonNodeFactory.instance.stringNode(storable(text)) : node;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = storable(node.get(i));
                if (item != node.get(i) && copy == null) {
                    copy = JsonNodeFactory.instance.arrayNode();
                    for (int j = 0; j < i; j++) {
                        copy.add(node.get(j));
                    }
                }
                if (copy != null) {
                    copy.add(item);
                }
            }
            return copy == null ? node : copy;
        }
        if (node.isObject()) {
            boolean changed = false;
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode value = storable(property.getValue());
                String name = storable(property.getKey());
                changed |= value != property.getValue() || !name.equals(property.getKey());
                copy.set(name, value);
            }
            return changed ? copy : node;
        }
        return node;
    }

    private static boolean suspect(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
