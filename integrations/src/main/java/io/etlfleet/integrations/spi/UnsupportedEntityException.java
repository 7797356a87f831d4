package io.etlfleet.integrations.spi;

/** The connector does not extract the requested entity type. Permanent. */
public class UnsupportedEntityException extends ConnectorException {

    private static final long serialVersionUID = 1L;

    public UnsupportedEntityException(String type, String entityType) {
        super(type + " does not extract entity type '" + entityType + "'");
    }
}
