package io.etlfleet.storage.raw;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.StorableText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lossless form in which {@code raw_data} keeps source text that PostgreSQL {@code jsonb}
 * refuses: NUL (U+0000) and lone UTF-16 surrogates, both valid JSON that real sources
 * send (pasted logs, truncated emoji).
 *
 * <p>Form {@value #FORM}: only the strings (values or object keys) that hold such a character
 * are rewritten, the rest of the object is stored as sent. In a rewritten string a backslash
 * becomes {@code \\}, NUL and each lone surrogate become the six characters of its JSON escape (backslash, {@code u}, four hex digits)
 * (lower-case hex); nothing else changes. The record's {@code extraction_metadata.lossless}
 * names the form and lists the JSON pointers (RFC 6901, spelled with the stored keys) of the
 * rewritten values ({@code values}) and keys ({@code keys}), so the original object is
 * reproduced exactly by {@link #restore}. Readers of the store ({@link RawStore}) restore it;
 * a query on {@code raw_data} in SQL sees the escaped text at those pointers.
 */
public final class LosslessJson {

    public static final String FORM = "escaped-strings-v1";
    static final String METADATA_KEY = "lossless";

    private LosslessJson() {
    }

    /** A storable object and, when anything was rewritten, the metadata that undoes it. */
    public record Storable(String json, String losslessMetadata) {
    }

    /** {@code json} unchanged when jsonb takes it; else its rewritten form and the metadata naming it. */
    public static Storable storable(String json) {
        if (!mayNeedEscaping(json)) {
            return new Storable(json, null);
        }
        List<String> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        JsonNode escaped = escape(JsonColumns.MAPPER.readTree(json), "", values, keys);
        if (values.isEmpty() && keys.isEmpty()) {
            return new Storable(json, null);
        }
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("form", FORM);
        values.forEach(metadata.putArray("values")::add);
        keys.forEach(metadata.putArray("keys")::add);
        return new Storable(JsonColumns.write(escaped), JsonColumns.write(metadata));
    }

    /** The original JSON text of a stored object whose {@code lossless} metadata is {@code metadataJson}. */
    public static String restore(String storedJson, String metadataJson) {
        if (metadataJson == null) {
            return storedJson;
        }
        JsonNode metadata = JsonColumns.MAPPER.readTree(metadataJson);
        if (!FORM.equals(metadata.path("form").asString(null))) {
            throw new IllegalStateException("unknown lossless raw form " + metadata.path("form"));
        }
        Set<String> values = pointers(metadata.path("values"));
        Set<String> keys = pointers(metadata.path("keys"));
        return JsonColumns.write(unescape(JsonColumns.MAPPER.readTree(storedJson), "", values, keys));
    }

    /** Cheap scan of the text: false means jsonb takes it as it is. */
    static boolean mayNeedEscaping(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length() && json.charAt(i + 1) == 'u') {
                return true; // a JSON escape such as the one for NUL or a lone surrogate; the parsed tree decides
            }
            if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static String unescapeText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
            } else if (text.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
            } else if (text.charAt(i + 1) == 'u' && i + 5 < text.length()) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                throw new IllegalStateException("not an escaped raw string: stray backslash at " + i);
            }
        }
        return out.toString();
    }

    private static JsonNode escape(JsonNode node, String path, List<String> values, List<String> keys) {
        if (node.isString()) {
            if (!StorableText.refused(node.asString())) {
                return node;
            }
            values.add(path);
            return JsonNodeFactory.instance.stringNode(StorableText.spelled(node.asString(), true));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                copy.add(escape(node.get(i), path + "/" + i, values, keys));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                if (StorableText.refused(name)) {
                    name = StorableText.spelled(name, true);
                    keys.add(path + "/" + pointerToken(name));
                }
                copy.set(name, escape(field.getValue(), path + "/" + pointerToken(name), values, keys));
            }
            return copy;
        }
        return node;
    }

    private static JsonNode unescape(JsonNode node, String path, Set<String> values, Set<String> keys) {
        if (node.isString()) {
            return values.contains(path) ? JsonNodeFactory.instance.stringNode(unescapeText(node.asString())) : node;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                copy.add(unescape(node.get(i), path + "/" + i, values, keys));
            }
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path + "/" + pointerToken(field.getKey());
                String name = keys.contains(child) ? unescapeText(field.getKey()) : field.getKey();
                copy.set(name, unescape(field.getValue(), child, values, keys));
            }
            return copy;
        }
        return node;
    }

    private static String pointerToken(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Set<String> pointers(JsonNode array) {
        Set<String> pointers = new HashSet<>();
        array.forEach(p -> pointers.add(p.asString()));
        return pointers;
    }
}
