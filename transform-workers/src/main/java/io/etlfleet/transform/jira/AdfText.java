package io.etlfleet.transform.jira;

import tools.jackson.databind.JsonNode;

/**
 * Flattens an Atlassian Document Format document (Jira Cloud's rich text) to plain text:
 * text nodes as written (marks dropped), {@code hardBreak} as a line break, one line per
 * block (paragraph, heading, list item, code block, table cell...), mentions, emoji, dates
 * and cards by their visible text. A plain string (Data Center) is returned unchanged.
 */
public final class AdfText {

    private AdfText() {
    }

    /** @return the text, or null for a missing or null field */
    public static String of(JsonNode field) {
        if (field == null || field.isNull() || field.isMissingNode()) {
            return null;
        }
        if (field.isString()) {
            return field.asString();
        }
        StringBuilder text = new StringBuilder();
        append(field, text);
        return text.toString().strip();
    }

    private static void append(JsonNode node, StringBuilder text) {
        String type = node.path("type").asString("");
        JsonNode attrs = node.path("attrs");
        switch (type) {
            case "text" -> text.append(node.path("text").asString(""));
            case "hardBreak" -> text.append('\n');
            case "mention" -> text.append(attrs.path("text").asString(""));
            case "emoji" -> text.append(attrs.path("text").asString(attrs.path("shortName").asString("")));
            case "inlineCard", "blockCard", "embedCard" -> text.append(attrs.path("url").asString(""));
            case "date" -> text.append(attrs.path("timestamp").asString(""));
            case "status" -> text.append(attrs.path("text").asString(""));
            case "rule" -> endBlock(text, text.length());
            default -> {
                int start = text.length();
                for (JsonNode child : node.path("content")) {
                    append(child, text);
                }
                if (isBlock(type)) {
                    endBlock(text, start);
                }
            }
        }
    }

    private static boolean isBlock(String type) {
        return switch (type) {
            case "paragraph", "heading", "codeBlock", "blockquote", "listItem", "tableCell", "tableHeader",
                    "panel", "mediaGroup", "mediaSingle", "expand", "decisionItem", "taskItem" -> true;
            default -> false;
        };
    }

    /** Ends a block on its own line; an empty block (an empty paragraph) leaves a blank line. */
    private static void endBlock(StringBuilder text, int start) {
        boolean empty = text.length() == start;
        if (text.isEmpty()) {
            return;
        }
        if (empty || text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
