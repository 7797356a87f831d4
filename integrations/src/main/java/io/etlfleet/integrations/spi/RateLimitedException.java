package io.etlfleet.integrations.spi;

import java.time.Instant;

/**
 * The source's rate limit is exhausted until {@link #resetAt()}. Thrown only when a
 * connector chooses not to wait itself (the wait would exceed its limit); the runtime
 * delays the job until the reset without counting it as a failed attempt.
 */
public class RateLimitedException extends RetriableConnectorException {

    private static final long serialVersionUID = 1L;

    private final Instant resetAt;

    public RateLimitedException(String message, Instant resetAt) {
        super(message);
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
