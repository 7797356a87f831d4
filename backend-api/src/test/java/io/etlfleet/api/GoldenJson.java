package io.etlfleet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares API answers with golden files under {@code src/test/resources}, ignoring what
 * changes from run to run: every non-null {@code id} or {@code *_id} becomes {@code "<id>"},
 * every non-null {@code at} or {@code *_at} becomes {@code "<time>"}.
 */
public final class GoldenJson {

    private GoldenJson() {
    }

    public static void assertMatches(String resource, JsonNode actual) {
        JsonNode expected;
        try (InputStream in = GoldenJson.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            expected = ApiClient.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(normalise(actual.deepCopy())))
                .isEqualTo(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected));
    }

    private static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (!value.isNull() && (name.equals("id") || name.endsWith("_id"))) {
                    object.put(name, "<id>");
                } else if (!value.isNull() && (name.equals("at") || name.endsWith("_at"))) {
                    object.put(name, "<time>");
                } else {
                    normalise(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(GoldenJson::normalise);
        }
        return node;
    }
}
