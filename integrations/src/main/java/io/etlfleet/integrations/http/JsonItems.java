package io.etlfleet.integrations.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The elements of a JSON array response, each parsed once and kept with its own text as the
 * source sent it, whitespace between tokens removed. Storing that text, rather than writing the
 * parsed tree out again, keeps numbers and escapes exactly as sent and costs one pass over bytes
 * already in memory. The array is the whole body ({@link #ofArray}) or found by a JSON pointer in
 * an envelope ({@link #ofArrayAt}, e.g. {@code /data} of {@code {"data":[...],"next":"..."}}).
 */
public final class JsonItems {

    /**
     * One element of the array.
     *
     * @param node the parsed element
     * @param json the element's compact text for an object or array element; null for a scalar,
     *             whose text the caller writes from {@code node}
     */
    public record Item(JsonNode node, String json) {
    }

    /**
     * A body read whole, with the elements of the array at a pointer.
     *
     * @param body  the whole body, parsed (the array's elements included)
     * @param items the elements of the array at the pointer; empty when nothing is there or it is no array
     */
    public record Located(JsonNode body, Optional<List<Item>> items) {
    }

    private final JsonMapper mapper;
    /** Reads one element from the parser of the whole array: the array's next element follows it. */
    private final ObjectReader element;

    public JsonItems(JsonMapper mapper) {
        this.mapper = mapper;
        this.element = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * @return the elements, or empty when the body is well-formed JSON but not an array
     * @throws JacksonException when the body is not well-formed JSON
     */
    public Optional<List<Item>> ofArray(byte[] body) {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                // Read it whole, so that a malformed body still fails as malformed.
                mapper.readTree(body);
                return Optional.empty();
            }
            List<Item> items = elements(parser, body, null);
            if (parser.nextToken() != null) {
                // The same refusal readTree gives trailing content.
                mapper.readTree(body);
            }
            return Optional.of(items);
        }
    }

    /**
     * Parses {@code body} once, keeping each element of the array at {@code at} with its own text
     * (see {@link #ofArray}); everything else is only parsed.
     *
     * @param at where the array is; {@link JsonPointer#empty()} for a body that is the array
     * @throws JacksonException when the body is not well-formed JSON
     */
    public Located ofArrayAt(byte[] body, JsonPointer at) {
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() == null) {
                // An empty body: the refusal readTree gives it.
                mapper.readTree(body);
            }
            List<List<Item>> found = new ArrayList<>(1);
            JsonNode root = read(parser, body, at, found);
            if (parser.nextToken() != null) {
                mapper.readTree(body);
            }
            return new Located(root, found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)));
        }
    }

    /** The value the parser is at; {@code path} is what remains of the pointer from it, null once off it. */
    private JsonNode read(JsonParser parser, byte[] body, JsonPointer path, List<List<Item>> found) {
        JsonToken token = parser.currentToken();
        if (path == null) {
            return element.readValue(parser);
        }
        if (path.matches()) {
            if (token != JsonToken.START_ARRAY) {
                return element.readValue(parser);
            }
            ArrayNode array = mapper.createArrayNode();
            List<Item> items = elements(parser, body, array);
            found.add(items);
            return array;
        }
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = mapper.createObjectNode();
            String name;
            while ((name = parser.nextName()) != null) {
                parser.nextToken();
                object.set(name, read(parser, body, path.matchProperty(name), found));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = mapper.createArrayNode();
            for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                array.add(read(parser, body, path.matchElement(index), found));
            }
            return array;
        }
        return element.readValue(parser);
    }

    /** The elements of the array the parser is at the start of, each with its text; also added to {@code into}. */
    private List<Item> elements(JsonParser parser, byte[] body, ArrayNode into) {
        List<Item> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            boolean container = parser.currentToken().isStructStart();
            long start = parser.currentTokenLocation().getByteOffset();
            JsonNode node = element.readValue(parser);
            // After a container's closing bracket the parser has read nothing further.
            long end = parser.currentLocation().getByteOffset();
            items.add(new Item(node, container ? compact(body, (int) start, (int) end) : null));
            if (into != null) {
                into.add(node);
            }
        }
        return items;
    }

    /** The text of {@code body[from, to)} without the whitespace between its tokens. */
    static String compact(byte[] body, int from, int to) {
        byte[] out = null;
        int written = 0;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++; // the escaped byte cannot end the string
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                if (out == null) {
                    out = new byte[to - from];
                    System.arraycopy(body, from, out, 0, i - from);
                    written = i - from;
                }
                continue;
            }
            if (out != null) {
                out[written++] = b;
                if (inString && b == '\\' && i < to) {
                    out[written++] = body[i];
                }
            }
        }
        return out == null ? new String(body, from, to - from, StandardCharsets.UTF_8)
                : new String(out, 0, written, StandardCharsets.UTF_8);
    }
}
