package io.etlfleet.transform.running;

/** No loader handles the job's entity type; retrying cannot help. */
public class UnknownEntityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownEntityException(String entityType) {
        super("no transform for entity type '" + entityType + "'");
    }
}
