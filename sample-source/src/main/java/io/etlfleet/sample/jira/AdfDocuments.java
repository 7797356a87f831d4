package io.etlfleet.sample.jira;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plain text as an Atlassian Document Format document, the way Jira Cloud's v3 API returns
 * rich-text fields: a {@code doc} of {@code paragraph}s (one per line) holding {@code text}
 * nodes, with a trailing emphasised word on the first paragraph so readers must walk marks too.
 */
final class AdfDocuments {

    private AdfDocuments() {
    }

    static ObjectNode of(String text) {
        ObjectNode doc = JiraJson.MAPPER.createObjectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String line : text.split("\n", -1)) {
            ObjectNode paragraph = content.addObject();
            paragraph.put("type", "paragraph");
            ArrayNode inline = paragraph.putArray("content");
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                text(inline, line.substring(0, space + 1));
                ObjectNode emphasised = text(inline, line.substring(space + 1));
                emphasised.putArray("marks").addObject().put("type", "em");
            } else if (!line.isEmpty()) {
                text(inline, line);
            }
        }
        return doc;
    }

    private static ObjectNode text(ArrayNode inline, String value) {
        ObjectNode node = inline.addObject();
        node.put("type", "text");
        node.put("text", value);
        return node;
    }
}
