package io.etlfleet.integrations.spi;

/** A failure that may go away: network errors, 5xx, 429. The runtime retries the job with backoff. */
public class RetriableConnectorException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public RetriableConnectorException(String message) {
        super(message);
    }

    public RetriableConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
