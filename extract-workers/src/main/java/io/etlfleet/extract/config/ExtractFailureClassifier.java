package io.etlfleet.extract.config;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.queue.consume.Disposition;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.runtime.workers.DatabaseFailures;
import java.time.Clock;
import java.time.Duration;

/**
 * The connector's own classification decides: retriable failures (network, 5xx, 429) are
 * retried with backoff, permanent ones (bad credentials, 404, bad config) dead-lettered at
 * once. A rate limit the connector did not wait out itself delays the job until the limit
 * resets, without spending an attempt; so does a database outage (it puts the message back).
 */
final class ExtractFailureClassifier implements FailureClassifier {

    private static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);

    private final Clock clock;

    ExtractFailureClassifier() {
        this(Clock.systemUTC());
    }

    ExtractFailureClassifier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Disposition classify(Throwable failure) {
        if (failure instanceof MalformedMessageException) {
            return Disposition.DEAD_LETTER;
        }
        if (failure instanceof RateLimitedException) {
            return Disposition.WAIT;
        }
        if (failure instanceof ConnectorException connector) {
            return connector.retriable() ? Disposition.RETRY : Disposition.DEAD_LETTER;
        }
        if (DatabaseFailures.isUnavailable(failure)) {
            return Disposition.REQUEUE;
        }
        return Disposition.RETRY;
    }

    /** Until the source's limit resets, and at least a second. */
    @Override
    public Duration waitFor(Throwable failure) {
        if (failure instanceof RateLimitedException limited && limited.resetAt() != null) {
            Duration wait = Duration.between(clock.instant(), limited.resetAt());
            return wait.compareTo(MINIMUM_WAIT) < 0 ? MINIMUM_WAIT : wait;
        }
        return MINIMUM_WAIT;
    }
}
