package io.etlfleet.runtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every app shares; defaults and the environment variables behind them are in
 * {@code fleet-defaults.properties}.
 *
 * @param rabbitmqUri       {@code ETL_RABBITMQ_URI}: AMQP URI; a vhost in the path is honoured
 * @param masterKey         {@code ETL_MASTER_KEY}: base64 32-byte key for credentials at rest
 * @param previousMasterKeys {@code ETL_PREVIOUS_MASTER_KEYS}: comma-separated older keys, still
 *                          accepted for decryption while credentials are re-encrypted
 * @param maxAttempts       {@code ETL_MAX_ATTEMPTS}: attempts before a retriable failure is dead-lettered
 * @param outboxInterval    {@code ETL_OUTBOX_INTERVAL}: how often the outbox relay polls when not woken
 * @param staleAfter        {@code ETL_JOB_STALE_AFTER}: a running job without heartbeat this long is reclaimed
 * @param heartbeatInterval {@code ETL_JOB_HEARTBEAT_INTERVAL}: how often workers renew heartbeats
 */
@ConfigurationProperties(prefix = "etl")
public record FleetProperties(
        String rabbitmqUri,
        String masterKey,
        String previousMasterKeys,
        int maxAttempts,
        Duration outboxInterval,
        Duration staleAfter,
        Duration heartbeatInterval) {

    public FleetProperties {
        if (rabbitmqUri == null || rabbitmqUri.isBlank()) {
            throw new IllegalArgumentException("ETL_RABBITMQ_URI must not be empty");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("ETL_MAX_ATTEMPTS must be at least 1");
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("ETL_JOB_STALE_AFTER must be at least three heartbeat intervals");
        }
    }
}
