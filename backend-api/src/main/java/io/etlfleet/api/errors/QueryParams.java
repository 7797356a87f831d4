package io.etlfleet.api.errors;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses optional query parameters taken as strings, so a malformed value is a 400 naming
 * the parameter (collected in {@link FieldErrors}) rather than a generic type error.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parsed value, or null when absent or blank, or when malformed (recorded in {@code errors}). */
    public static <T> T parse(FieldErrors errors, String field, String value, Function<String, T> parser,
            String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            errors.add(field, "must be " + expected);
            return null;
        }
    }

    public static UUID uuid(FieldErrors errors, String field, String value) {
        return parse(errors, field, value, UUID::fromString, "a UUID");
    }

    public static Instant instant(FieldErrors errors, String field, String value) {
        return parse(errors, field, value, Instant::parse, "an ISO-8601 UTC time such as 2026-01-31T12:00:00Z");
    }

    /** A whole number in {@code [min, max]}, {@code fallback} when absent. */
    public static int bounded(FieldErrors errors, String field, String value, int min, int max, int fallback) {
        Integer parsed = parse(errors, field, value, Integer::valueOf, "a whole number");
        if (parsed == null) {
            return fallback;
        }
        if (parsed < min || parsed > max) {
            errors.add(field, "must be between " + min + " and " + max);
            return fallback;
        }
        return parsed;
    }

    /** Blank as null, and at most 200 characters. */
    public static String text(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            errors.add(field, "must be at most 200 characters");
            return null;
        }
        return value.trim();
    }

    public static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
