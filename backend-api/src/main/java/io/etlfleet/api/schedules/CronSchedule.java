package io.etlfleet.api.schedules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule's cron, read by Spring's {@link CronExpression} in UTC. Six fields (second, minute,
 * hour, day of month, month, day of week), the macros ({@code @hourly}, {@code @daily}, ...), or
 * the classic five fields without seconds, which fire at second 0.
 */
final class CronSchedule {

    private final CronExpression expression;

    private CronSchedule(CronExpression expression) {
        this.expression = expression;
    }

    /** @throws IllegalArgumentException with a reason fit for the caller when the text is not a cron */
    static CronSchedule parse(String cron) {
        String text = cron.trim();
        if (!text.startsWith("@") && text.split("\\s+").length == 5) {
            text = "0 " + text;
        }
        return new CronSchedule(CronExpression.parse(text));
    }

    /** Why {@code cron} is refused, or empty when it is a cron that fires. */
    static Optional<String> problem(String cron, Instant now) {
        try {
            if (parse(cron).next(now) == null) {
                return Optional.of("never fires");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be a cron expression (second minute hour day-of-month month day-of-week, "
                    + "or the five fields without seconds, or @hourly/@daily/@weekly/@monthly/@yearly): "
                    + e.getMessage());
        }
    }

    /** The first due time strictly after {@code after}, or null if there is none. */
    Instant next(Instant after) {
        ZonedDateTime next = expression.next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }
}
