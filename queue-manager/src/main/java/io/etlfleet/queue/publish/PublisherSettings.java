package io.etlfleet.queue.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * @param confirmTimeout how long a publish waits for the broker's confirms (for a batch: for all of them)
 */
public record PublisherSettings(Duration confirmTimeout) {

    public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    public PublisherSettings {
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
            throw new IllegalArgumentException("confirmTimeout must be positive");
        }
    }

    public static PublisherSettings defaults() {
        return new PublisherSettings(DEFAULT_CONFIRM_TIMEOUT);
    }
}
