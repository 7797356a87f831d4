package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectorException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest change time seen so far in a run, including the cursor it started from.
 *
 * @param key the cursor's key, e.g. {@code updated_at} or {@code committed_at}
 */
record Watermark(String key, Instant value) {

    static final String CHECKPOINT_NEXT_URL = "next_url";
    static final String CHECKPOINT_MAX = "max_updated_at";

    static Watermark of(String key, String text) {
        if (text == null || text.isBlank()) {
            return new Watermark(key, null);
        }
        Instant parsed = parse(text);
        if (parsed == null) {
            throw new ConnectorException("stored GitHub cursor is not an ISO 8601 timestamp: " + text);
        }
        return new Watermark(key, parsed);
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

    Watermark observe(Instant changedAt) {
        return changedAt != null && (value == null || changedAt.isAfter(value)) ? new Watermark(key, changedAt) : this;
    }

    /** The sync cursor: unchanged (possibly empty) when nothing was seen. */
    Map<String, String> cursor() {
        return value == null ? Map.of() : Map.of(key, format(value));
    }

    Map<String, String> checkpoint(String nextUrl) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        checkpoint.put(CHECKPOINT_NEXT_URL, nextUrl);
        if (value != null) {
            checkpoint.put(CHECKPOINT_MAX, format(value));
        }
        return checkpoint;
    }
}
