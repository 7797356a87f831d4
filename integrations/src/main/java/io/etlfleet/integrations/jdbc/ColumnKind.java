package io.etlfleet.integrations.jdbc;

import java.util.Locale;

/**
 * How a source column's values are written to the raw JSON, bound back from a cursor, and
 * typed in the warehouse. Stored by name (lower case) in the page metadata's
 * {@code columns} and in cursors and checkpoints.
 */
public enum ColumnKind {
    /** JSON boolean. */
    BOOLEAN,
    /** JSON integer, exact (any size). */
    INTEGER,
    /** JSON string holding the exact decimal ({@code "12.3400000000"}), never a binary float. */
    DECIMAL,
    /** JSON number; NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    FLOAT,
    /** JSON string. */
    TEXT,
    /** JSON string holding the document's text as the source returned it. */
    JSON,
    /** JSON string, base64 (RFC 4648, with padding). */
    BINARY,
    /** JSON string {@code 2024-03-01}. */
    DATE,
    /** JSON string {@code 13:45:00[.fraction]}. */
    TIME,
    /** Timestamp without time zone: JSON string of the local date-time, {@code 2024-03-01T13:45:00[.fraction]}, no zone added. */
    TIMESTAMP,
    /** Timestamp with time zone (an instant): JSON string in UTC, {@code 2024-03-01T12:45:00[.fraction]Z}. */
    TIMESTAMPTZ,
    /** Anything else (uuid, interval, arrays, ...): JSON string of the driver's text form. */
    OTHER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static ColumnKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
