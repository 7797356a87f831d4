package io.etlfleet.api.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the backend API, under {@code etl.*}; {@code application.yml} maps each to its
 * environment variable and default. Database, broker and HTTP port are Spring's own
 * {@code spring.datasource.*}, {@code spring.rabbitmq.addresses} and {@code server.port}.
 *
 * @param adminToken         {@code ETL_ADMIN_TOKEN}: a bearer token with admin rights; blank
 *                           disables it (admins then need an admin key from the database)
 * @param masterKey          {@code ETL_MASTER_KEY}: base64 of 32 bytes encrypting credentials;
 *                           blank uses the public development key, with a warning
 * @param previousMasterKeys {@code ETL_MASTER_KEY_PREVIOUS}: comma-separated base64 keys that
 *                           still decrypt credentials stored before a rotation
 * @param maxRequestSize     {@code ETL_MAX_REQUEST_SIZE}: largest request body accepted (413 above)
 */
@Validated
@ConfigurationProperties("etl")
public record BackendApiProperties(
        @Pattern(regexp = "|\\S{16,}", message = "must be empty or at least 16 characters without spaces")
        String adminToken,
        String masterKey,
        String previousMasterKeys,
        @NotNull DataSize maxRequestSize) {

    @Override
    public String toString() {
        return "BackendApiProperties[adminToken=" + (blank(adminToken) ? "(unset)" : "(set)")
                + ", masterKey=" + (blank(masterKey) ? "(unset)" : "(set)")
                + ", previousMasterKeys=" + (blank(previousMasterKeys) ? "(unset)" : "(set)")
                + ", maxRequestSize=" + maxRequestSize + "]";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
