package io.etlfleet.api.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-10T10:17:42Z");

    @Test
    void readsSixFieldsInUtc() {
        assertThat(CronSchedule.parse("0 30 2 * * *").next(NOW)).isEqualTo(Instant.parse("2026-03-11T02:30:00Z"));
    }

    @Test
    void readsTheClassicFiveFieldsAsFiringAtSecondZero() {
        assertThat(CronSchedule.parse("*/15 * * * *").next(NOW)).isEqualTo(Instant.parse("2026-03-10T10:30:00Z"));
    }

    @Test
    void readsMacros() {
        assertThat(CronSchedule.parse("@hourly").next(NOW)).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
    }

    @Test
    void nextIsStrictlyAfterTheGivenTime() {
        Instant due = Instant.parse("2026-03-10T11:00:00Z");

        assertThat(CronSchedule.parse("0 0 * * * *").next(due)).isEqualTo(Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void explainsWhatIsWrongWithABadCron() {
        assertThat(CronSchedule.problem("every day", NOW)).get().asString().startsWith("must be a cron expression");
        assertThat(CronSchedule.problem("0 0 25 * * *", NOW)).get().asString().startsWith("must be a cron expression");
        assertThat(CronSchedule.problem("0 0 0 30 2 *", NOW)).contains("never fires");
        assertThat(CronSchedule.problem("0 0 0 * * MON", NOW)).isEmpty();
    }
}
