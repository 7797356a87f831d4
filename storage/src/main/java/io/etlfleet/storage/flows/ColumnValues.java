package io.etlfleet.storage.flows;

import io.etlfleet.storage.JsonColumns;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Turns the JSON value a mapping found into the Java value of its column type. */
final class ColumnValues {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?");
    private static final int NUMERIC_INTEGER_DIGITS = ColumnType.NUMERIC_PRECISION - ColumnType.NUMERIC_SCALE;
    private static final int SHOWN = 80;

    private ColumnValues() {
    }

    /**
     * The value for a column of {@code type}; null for a missing or null value, and for an
     * empty (or blank) string in a column that is neither text nor jsonb.
     *
     * @throws ValueRefused when the value does not fit the type
     */
    static Object convert(JsonNode value, ColumnType type) throws ValueRefused {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (type == ColumnType.TEXT) {
            return text(value);
        }
        if (type == ColumnType.JSONB) {
            return JsonColumns.MAPPER.writeValueAsString(FlowText.storable(value));
        }
        if (value.isString() && value.stringValue().isBlank()) {
            return null;
        }
        return switch (type) {
            case INTEGER -> (int) integral(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integral(value, type, Long.MIN_VALUE, Long.MAX_VALUE);
            case NUMERIC -> numeric(value);
            case BOOLEAN -> bool(value);
            case DATE -> date(value);
            case TIMESTAMP -> timestamp(value);
            default -> throw new IllegalStateException("unreachable: " + type);
        };
    }

    static String text(JsonNode value) {
        if (value.isString()) {
            return FlowText.storable(value.stringValue());
        }
        if (value.isContainer()) {
            return JsonColumns.MAPPER.writeValueAsString(FlowText.storable(value));
        }
        if (value.isNumber()) {
            BigDecimal number = decimal(value);
            return value.isIntegralNumber() || number == null ? value.asString() : number.toString();
        }
        return value.asString();
    }

    private static long integral(JsonNode value, ColumnType type, long min, long max) throws ValueRefused {
        BigDecimal number = number(value, type);
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw refused(value, type);
        }
        if ((long) number.precision() - number.scale() > 19
                || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ValueRefused(describe(value) + " is out of range for " + type.wireName());
        }
        return number.longValue();
    }

    private static BigDecimal numeric(JsonNode value) throws ValueRefused {
        BigDecimal number = number(value, ColumnType.NUMERIC);
        if (number.scale() > ColumnType.NUMERIC_SCALE) {
            number = number.setScale(ColumnType.NUMERIC_SCALE, RoundingMode.HALF_UP);
        }
        if (number.signum() != 0 && (long) number.precision() - number.scale() > NUMERIC_INTEGER_DIGITS) {
            throw new ValueRefused(describe(value) + " is out of range for numeric(" + ColumnType.NUMERIC_PRECISION + ","
                    + ColumnType.NUMERIC_SCALE + "): more than " + NUMERIC_INTEGER_DIGITS + " digits before the point");
        }
        return number;
    }

    /** A JSON number, or a string holding one (white space around it allowed). */
    private static BigDecimal number(JsonNode value, ColumnType type) throws ValueRefused {
        if (value.isNumber()) {
            BigDecimal number = decimal(value);
            if (number == null) {
                throw refused(value, type);
            }
            return number;
        }
        if (value.isString()) {
            String text = value.stringValue().strip();
            if (DECIMAL.matcher(text).matches()) {
                return new BigDecimal(text);
            }
        }
        throw refused(value, type);
    }

    /** The exact decimal of a JSON number; doubles as they print (0.1, not its binary expansion); null for NaN and infinities. */
    private static BigDecimal decimal(JsonNode value) {
        if (value.isDouble() || value.isFloat()) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return value.isFloat() ? new BigDecimal(Float.toString(value.floatValue())) : BigDecimal.valueOf(d);
        }
        return value.decimalValue();
    }

    private static Boolean bool(JsonNode value) throws ValueRefused {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            BigDecimal number = decimal(value);
            if (number != null && number.compareTo(BigDecimal.ONE) == 0) {
                return true;
            }
            if (number != null && number.signum() == 0) {
                return false;
            }
        }
        if (value.isString()) {
            switch (value.stringValue().strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> {
                    return true;
                }
                case "false", "0", "no" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw refused(value, ColumnType.BOOLEAN);
    }

    private static LocalDate date(JsonNode value) throws ValueRefused {
        LocalDate date;
        try {
            if (value.isString()) {
                date = Timestamps.isoDate(value.stringValue().strip());
            } else if (value.isNumber()) {
                date = Timestamps.epochMillis(epochMillis(value, ColumnType.DATE)).toLocalDate();
            } else {
                throw refused(value, ColumnType.DATE);
            }
        } catch (DateTimeException e) {
            throw refused(value, ColumnType.DATE);
        }
        if (!Timestamps.storableYear(date.getYear())) {
            throw new ValueRefused(describe(value) + " is out of range for date (years 1 to 9999)");
        }
        return date;
    }

    private static OffsetDateTime timestamp(JsonNode value) throws ValueRefused {
        OffsetDateTime time;
        try {
            if (value.isString()) {
                time = Timestamps.isoTimestamp(value.stringValue().strip());
            } else if (value.isNumber()) {
                time = Timestamps.epochMillis(epochMillis(value, ColumnType.TIMESTAMP));
            } else {
                throw refused(value, ColumnType.TIMESTAMP);
            }
        } catch (DateTimeException e) {
            throw refused(value, ColumnType.TIMESTAMP);
        }
        if (!Timestamps.storableYear(time.getYear())) {
            throw new ValueRefused(describe(value) + " is out of range for timestamp (years 1 to 9999)");
        }
        return time.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static long epochMillis(JsonNode value, ColumnType type) throws ValueRefused {
        BigDecimal number = decimal(value);
        if (number == null || (number.signum() != 0 && number.stripTrailingZeros().scale() > 0)
                || (long) number.precision() - number.scale() > 18) {
            throw refused(value, type);
        }
        return number.longValue();
    }

    private static ValueRefused refused(JsonNode value, ColumnType type) {
        String article = type == ColumnType.INTEGER ? "an " : "a ";
        return new ValueRefused(describe(value) + " is not " + article + type.wireName());
    }

    /** The value as a person reads it in a message: strings quoted, long ones cut. */
    static String describe(JsonNode value) {
        String text = JsonColumns.MAPPER.writeValueAsString(value);
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
