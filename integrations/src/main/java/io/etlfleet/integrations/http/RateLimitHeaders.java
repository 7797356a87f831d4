package io.etlfleet.integrations.http;

import io.etlfleet.integrations.spi.RateLimitBudgets.RateLimitSnapshot;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * Reads what a response says about the request budget and about when to try again, in the
 * header families sources use:
 * <ul>
 *   <li>{@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (and GitHub's {@code -Used},
 *       {@code -Resource});</li>
 *   <li>the IETF draft's {@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset} (seconds from
 *       now), and its later structured form {@code RateLimit: "name";r=<remaining>;t=<seconds>} with
 *       {@code RateLimit-Policy: "name";q=<limit>;w=<window>};</li>
 *   <li>{@code Retry-After}: seconds, or an HTTP date.</li>
 * </ul>
 * A reset given as a number reads as epoch milliseconds from 10^12, epoch seconds from 10^9, and
 * as seconds from now below that; an ISO-8601 or HTTP date is taken as written.
 */
public final class RateLimitHeaders {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final Pattern REMAINING_PARAM = Pattern.compile(";\\s*r\\s*=\\s*(\\d{1,18})");
    private static final Pattern RESET_PARAM = Pattern.compile(";\\s*t\\s*=\\s*(\\d{1,18})");
    private static final Pattern QUOTA_PARAM = Pattern.compile(";\\s*q\\s*=\\s*(\\d{1,18})");
    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;
    private static final long EPOCH_MILLIS_FROM = 1_000_000_000_000L;

    private RateLimitHeaders() {
    }

    /**
     * One budget report.
     *
     * @param resource the budget's name when the source gives one ({@code x-ratelimit-resource}), else null
     */
    public record Report(String resource, RateLimitSnapshot snapshot) {
    }

    /** The budget the response reports, when it reports the remaining requests and the reset. */
    public static Optional<Report> read(Headers headers, Instant now) {
        Optional<Report> legacy = classic(headers, "x-ratelimit-", now);
        if (legacy.isPresent()) {
            return legacy;
        }
        Optional<Report> draft = classic(headers, "ratelimit-", now);
        return draft.isPresent() ? draft : structured(headers, now);
    }

    /** When {@code Retry-After} says to try again (seconds or an HTTP date), if it says. */
    public static Optional<Instant> retryAfter(Headers headers, Instant now) {
        String value = trimmed(headers.get("retry-after"));
        if (value == null) {
            return Optional.empty();
        }
        if (NUMBER.matcher(value).matches()) {
            return Optional.of(now.plusSeconds(Long.parseLong(value)));
        }
        return Optional.ofNullable(httpDate(value));
    }

    /** The rate-limit and {@code Retry-After} headers, by lower-case name, as kept with a page. */
    public static Map<String, String> of(Headers headers) {
        Map<String, String> limits = new LinkedHashMap<>();
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-ratelimit-") || lower.startsWith("ratelimit") || lower.equals("retry-after")) {
                limits.put(lower, headers.get(name));
            }
        }
        return limits;
    }

    /** Whether the response says no request remains ({@code X-RateLimit-Remaining: 0} or a draft's). */
    public static boolean exhausted(Headers headers, Instant now) {
        return read(headers, now).map(report -> report.snapshot().remaining() == 0).orElse(false);
    }

    private static Optional<Report> classic(Headers headers, String prefix, Instant now) {
        Long remaining = number(headers.get(prefix + "remaining"));
        Instant reset = reset(headers.get(prefix + "reset"), now);
        if (remaining == null || reset == null) {
            return Optional.empty();
        }
        Long limit = number(headers.get(prefix + "limit"));
        long total = limit == null ? remaining : limit;
        Long used = number(headers.get(prefix + "used"));
        String resource = trimmed(headers.get(prefix + "resource"));
        return Optional.of(new Report(resource == null || resource.isEmpty() ? null : resource.toLowerCase(Locale.ROOT),
                new RateLimitSnapshot(total, remaining, used == null ? Math.max(0, total - remaining) : used, reset)));
    }

    private static Optional<Report> structured(Headers headers, Instant now) {
        String value = headers.get("ratelimit");
        if (value == null) {
            return Optional.empty();
        }
        Long remaining = param(REMAINING_PARAM, value);
        Long seconds = param(RESET_PARAM, value);
        if (remaining == null || seconds == null) {
            return Optional.empty();
        }
        String policy = headers.get("ratelimit-policy");
        Long quota = policy == null ? null : param(QUOTA_PARAM, policy);
        long total = quota == null ? remaining : quota;
        return Optional.of(new Report(null, new RateLimitSnapshot(total, remaining, Math.max(0, total - remaining),
                now.plusSeconds(seconds))));
    }

    private static Instant reset(String value, Instant now) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        if (NUMBER.matcher(text).matches()) {
            long number = Long.parseLong(text);
            if (number >= EPOCH_MILLIS_FROM) {
                return Instant.ofEpochMilli(number);
            }
            return number >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(number) : now.plusSeconds(number);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notIso) {
            return httpDate(text);
        }
    }

    private static Instant httpDate(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    private static Long param(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static Long number(String value) {
        String text = trimmed(value);
        return text != null && NUMBER.matcher(text).matches() ? Long.valueOf(text) : null;
    }
}
