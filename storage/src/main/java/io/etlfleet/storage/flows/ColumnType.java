package io.etlfleet.storage.flows;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The type of a flow's target column, as the flow names it ({@code "type": "numeric"}). Each
 * destination dialect turns it into its own SQL type; {@link RowMapper} turns source values
 * into the Java type listed here.
 */
public enum ColumnType {
    /** {@link String}; NUL removed. */
    TEXT,
    /** {@link Integer} (32 bits; larger values are rejected). */
    INTEGER,
    /** {@link Long} (64 bits; larger values are rejected). */
    BIGINT,
    /** {@link java.math.BigDecimal}, numeric({@value #NUMERIC_PRECISION},{@value #NUMERIC_SCALE}) everywhere. */
    NUMERIC,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.OffsetDateTime} in UTC, to the microsecond. */
    TIMESTAMP,
    /** The value's JSON text ({@link String}). */
    JSONB;

    /** Digits a numeric column holds in all. */
    public static final int NUMERIC_PRECISION = 38;
    /** Digits a numeric column holds after the decimal point; more are rounded half up. */
    public static final int NUMERIC_SCALE = 10;

    /** The name a flow uses: {@code text}, {@code integer}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted names when {@code name} is none of them */
    public static ColumnType fromWire(String name) {
        for (ColumnType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a column type (" + accepted() + ")");
    }

    static String accepted() {
        return Arrays.stream(values()).map(ColumnType::wireName).collect(Collectors.joining(", "));
    }

    boolean temporal() {
        return this == DATE || this == TIMESTAMP;
    }
}
