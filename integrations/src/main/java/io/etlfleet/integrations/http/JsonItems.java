package io.etlfleet.integrations.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The elements of a JSON array response, each parsed once and kept with its own text as the
 * source sent it, whitespace between tokens removed. Storing that text, rather than writing the
 * parsed tree out again, keeps numbers and escapes exactly as sent and costs one pass over bytes
 * already in memory.
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
            List<Item> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                boolean container = parser.currentToken().isStructStart();
                long start = parser.currentTokenLocation().getByteOffset();
                JsonNode node = element.readValue(parser);
                // After a container's closing bracket the parser has read nothing further.
                long end = parser.currentLocation().getByteOffset();
                items.add(new Item(node, container ? compact(body, (int) start, (int) end) : null));
            }
            if (parser.nextToken() != null) {
                // The same refusal readTree gives trailing content.
                mapper.readTree(body);
            }
            return Optional.of(items);
        }
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
