package io.etlfleet.transform.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/** Reading values out of Jira JSON; malformed required values raise IllegalArgumentException. */
final class JiraFields {

    /** {@code 2024-01-01T10:00:00.000+0000}, and ISO offsets ({@code +01:00}, {@code Z}). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendPattern(".SSS").optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private JiraFields() {
    }

    static JsonNode required(JsonNode node, String field, String what) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isString() && value.asString().isBlank()) {
            throw new IllegalArgumentException(what + " has no '" + field + "'");
        }
        return value;
    }

    static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    /** A user's display name (Cloud and Data Center), falling back to Data Center's {@code name}. */
    static String user(JsonNode user) {
        String name = text(user.path("displayName"));
        return name != null ? name : text(user.path("name"));
    }

    static Instant instant(JsonNode value, String field) {
        try {
            return OffsetDateTime.parse(value.asString(), TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not a timestamp with an offset: " + value.asString());
        }
    }

    static long number(JsonNode value, String field) {
        try {
            return Long.parseLong(value.asString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' is not a number: " + value.asString());
        }
    }
}
