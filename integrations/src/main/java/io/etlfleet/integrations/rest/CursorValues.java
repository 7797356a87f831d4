package io.etlfleet.integrations.rest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * The values of a stream's {@code cursor_field}: their text, the instant they stand for and their
 * order. An ISO-8601 instant or offset date-time is that instant; a date-time without offset or a
 * date is read as UTC; a whole number from 10^9 to 10^11 is epoch seconds and from 10^12 to 10^14
 * epoch milliseconds. Two instants compare as instants, two numbers as numbers, anything else as text.
 */
final class CursorValues {

    private static final long SECONDS_FROM = 1_000_000_000L;
    private static final long SECONDS_UNTIL = 100_000_000_000L;
    private static final long MILLIS_FROM = 1_000_000_000_000L;
    private static final long MILLIS_UNTIL = 100_000_000_000_000L;

    private CursorValues() {
    }

    /** The value's text as a cursor, or null for a missing, null or structured value. */
    static String text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.isString() ? value.asString() : value.toString();
        return text.isEmpty() ? null : text;
    }

    /** The instant {@code text} stands for, or null when it is no date-time or epoch number. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        if (value.matches("\\d{10,14}")) {
            long number = Long.parseLong(value);
            if (number >= SECONDS_FROM && number < SECONDS_UNTIL) {
                return Instant.ofEpochSecond(number);
            }
            return number >= MILLIS_FROM && number < MILLIS_UNTIL ? Instant.ofEpochMilli(number) : null;
        }
        if (value.length() < 10 || !Character.isDigit(value.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeException notDate) {
                    return null;
                }
            }
        }
    }

    /** The greater of two cursor values; either may be null. */
    static String max(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return compare(a, b) >= 0 ? a : b;
    }

    static int compare(String a, String b) {
        Instant ia = instant(a);
        Instant ib = instant(b);
        if (ia != null && ib != null) {
            return ia.compareTo(ib);
        }
        BigDecimal na = number(a);
        BigDecimal nb = number(b);
        if (na != null && nb != null) {
            return na.compareTo(nb);
        }
        return a.compareTo(b);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException notNumber) {
            return null;
        }
    }
}
