package io.etlfleet.api.retention;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Purging of superseded raw rows, under {@code etl.api.retention.*}.
 *
 * @param maxAge    {@code ETL_RAW_RETENTION}: transformed, superseded raw rows extracted longer ago than
 *                  this are purged; unset or zero (the default) keeps every raw row
 * @param interval  {@code ETL_RAW_RETENTION_INTERVAL}: how often the purge runs
 * @param batchSize {@code ETL_RAW_RETENTION_BATCH_SIZE}: rows deleted per transaction
 */
@Validated
@ConfigurationProperties("etl.api.retention")
public record RetentionProperties(Duration maxAge, @NotNull Duration interval, @Min(1) @Max(100_000) int batchSize) {

    public boolean enabled() {
        return maxAge != null && !maxAge.isZero() && !maxAge.isNegative();
    }
}
