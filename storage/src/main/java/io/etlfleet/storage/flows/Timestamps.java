package io.etlfleet.storage.flows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Dates and timestamps as flows read them: ISO-8601, a flow's own pattern, or epoch milliseconds. */
final class Timestamps {

    /**
     * ISO-8601 as sources write it: {@code T} or a space before the time, the offset as
     * {@code Z}, {@code +01:00}, {@code +0100} or {@code +01}, optionally a zone in brackets;
     * the time and offset may be left out.
     */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendPattern("[' ']['T']")
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** The years every destination can store. */
    private static final int MIN_YEAR = 1;
    private static final int MAX_YEAR = 9999;

    private Timestamps() {
    }

    /**
     * A flow's {@code parse} pattern, resolved strictly (31/02 is refused, not moved to the
     * end of February). The year-of-era letter {@code y}, which strict resolving cannot use
     * without an era, reads as the proleptic year {@code u}: the same for years 1 and later.
     */
    static DateTimeFormatter pattern(String pattern) {
        StringBuilder strict = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            strict.append(c == 'y' && !quoted ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(strict.toString(), Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    static LocalDate isoDate(String text) {
        return LocalDate.from(ISO.parse(text));
    }

    static OffsetDateTime isoTimestamp(String text) {
        return timestamp(ISO, text);
    }

    /** @throws DateTimeException when {@code text} does not match */
    static OffsetDateTime timestamp(DateTimeFormatter format, String text) {
        TemporalAccessor parsed = format.parseBest(text, OffsetDateTime::from, ZonedDateTime::from, LocalDateTime::from,
                LocalDate::from);
        if (parsed instanceof OffsetDateTime offset) {
            return utc(offset);
        }
        if (parsed instanceof ZonedDateTime zoned) {
            return utc(zoned.toOffsetDateTime());
        }
        if (parsed instanceof LocalDateTime local) {
            return utc(local.atOffset(ZoneOffset.UTC));
        }
        return utc(((LocalDate) parsed).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    static OffsetDateTime epochMillis(long millis) {
        return utc(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static boolean storableYear(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
