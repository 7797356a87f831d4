package io.etlfleet.storage.tenants;

/**
 * A tenant, or an integration within a tenant, already carries the requested name.
 * The API answers 409.
 */
public class DuplicateNameException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateNameException(String message) {
        super(message);
    }
}
