package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectorException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The highest {@code updated_at} seen so far in a run, including the cursor it started from. */
record Watermark(Instant value) {

    static Watermark of(String text) {
        if (text == null || text.isBlank()) {
            return new Watermark(null);
        }
        Instant parsed = parse(text);
        if (parsed == null) {
            throw new ConnectorException("stored GitHub cursor is not an ISO 8601 timestamp: " + text);
        }
        return new Watermark(parsed);
    }

    /** GitHub's {@code YYYY-MM-DDTHH:MM:SSZ}; null when absent or unreadable. */
    static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 2024-01-01T00:00:00Z}: whole seconds in UTC, the form GitHub documents for {@code since}. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    Watermark observe(Instant updatedAt) {
        return updatedAt != null && (value == null || updatedAt.isAfter(value)) ? new Watermark(updatedAt) : this;
    }

    /** The sync cursor: unchanged (possibly empty) when nothing was seen. */
    Map<String, String> cursor() {
        return value == null ? Map.of() : Map.of(IssuesExtraction.CURSOR_UPDATED_AT, format(value));
    }

    Map<String, String> checkpoint(String nextUrl) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        checkpoint.put(IssuesExtraction.CHECKPOINT_NEXT_URL, nextUrl);
        if (value != null) {
            checkpoint.put(IssuesExtraction.CHECKPOINT_MAX_UPDATED_AT, format(value));
        }
        return checkpoint;
    }
}
