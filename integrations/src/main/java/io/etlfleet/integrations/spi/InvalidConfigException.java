package io.etlfleet.integrations.spi;

/** The integration's config or credentials are unusable; names the offending field. */
public class InvalidConfigException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidConfigException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** JSON path of the offending field, e.g. {@code config.repositories[0]}. */
    public String field() {
        return field;
    }
}
