package io.etlfleet.api.schedules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The schedule runner's settings, under {@code etl.api.scheduler.*}; {@code application.yml}
 * maps each to its environment variable and default.
 *
 * @param interval  {@code ETL_SCHEDULER_INTERVAL}: how often due schedules are looked for; zero
 *                  turns the runner off in this instance (schedules are still served by the API)
 * @param batchSize {@code ETL_SCHEDULER_BATCH_SIZE}: most schedules one transaction fires
 */
@Validated
@ConfigurationProperties("etl.api.scheduler")
public record SchedulerProperties(@NotNull Duration interval, @Min(1) @Max(1000) int batchSize) {

    public boolean enabled() {
        return !interval.isZero() && !interval.isNegative();
    }
}
