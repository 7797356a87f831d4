package io.etlfleet.api.retransform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param batchSize {@code ETL_RETRANSFORM_BATCH_SIZE}: raw rows per re-transform job
 */
@Validated
@ConfigurationProperties("etl.api.retransform")
public record RetransformProperties(@Min(1) @Max(10_000) int batchSize) {
}
