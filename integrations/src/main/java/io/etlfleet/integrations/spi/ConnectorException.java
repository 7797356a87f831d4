package io.etlfleet.integrations.spi;

/**
 * Root of connector failures. A plain {@code ConnectorException} is permanent: retrying the
 * job would fail the same way (bad credentials, 404, a rejected request). Subclasses refine
 * that: {@link RetriableConnectorException} may succeed later.
 */
public class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the runtime may retry the job. */
    public boolean retriable() {
        return false;
    }
}
