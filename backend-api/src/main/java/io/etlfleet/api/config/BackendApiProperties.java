package io.etlfleet.api.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The backend API's own settings, under {@code etl.api.*}; {@code application.yml} maps each
 * to its environment variable and default. Database, broker, master key and the rest that
 * every app shares are the runtime module's ({@code fleet-defaults.properties}).
 *
 * @param adminToken     {@code ETL_ADMIN_TOKEN}: a bearer token with admin rights; blank
 *                       disables it (admins then need an admin key from the database)
 * @param maxRequestSize {@code ETL_MAX_REQUEST_SIZE}: largest request body accepted (413 above)
 * @param maxUploadSize  {@code ETL_MAX_UPLOAD_SIZE}: largest file accepted by
 *                       {@code POST /integrations/{id}/files} (413 above)
 * @param allowLoopbackSources {@code ETL_ALLOW_LOOPBACK_SOURCES}: whether integrations may
 *                       point at 127.0.0.0/8, ::1 or localhost (default true, for local sources)
 * @param reencryptCredentialsOnStart {@code ETL_REENCRYPT_CREDENTIALS_ON_START}: re-encrypt
 *                       credentials stored under a previous master key with the current one at start
 */
@Validated
@ConfigurationProperties("etl.api")
public record BackendApiProperties(
        @Pattern(regexp = "|\\S{16,}", message = "must be empty or at least 16 characters without spaces")
        String adminToken,
        @NotNull DataSize maxRequestSize,
        @NotNull DataSize maxUploadSize,
        boolean allowLoopbackSources,
        boolean reencryptCredentialsOnStart) {

    @Override
    public String toString() {
        return "BackendApiProperties[adminToken=" + (blank(adminToken) ? "(unset)" : "(set)")
                + ", maxRequestSize=" + maxRequestSize + ", maxUploadSize=" + maxUploadSize + ", allowLoopbackSources=" + allowLoopbackSources
                + ", reencryptCredentialsOnStart=" + reencryptCredentialsOnStart + "]";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
