package io.etlfleet.integrations.jira;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Jira timestamps, e.g. {@code 2024-01-01T10:00:00.000+0000}: always read with their offset
 * (Jira writes them in the server's or user's zone), also in ISO form ({@code +01:00}, {@code Z}).
 */
final class JiraTime {

    private static final DateTimeFormatter JIRA = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendPattern(".SSS").optionalEnd()
            .appendPattern("[XXX][XX][X]")
            .toFormatter();

    private JiraTime() {
    }

    /** @return the instant, or null when the text is absent or not a Jira timestamp with an offset */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim(), JIRA).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
