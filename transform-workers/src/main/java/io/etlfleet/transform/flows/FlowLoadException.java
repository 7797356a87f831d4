package io.etlfleet.transform.flows;

import java.sql.SQLException;

/**
 * A load the destination refused as a whole (connection, permissions, a table whose primary
 * key is not the flow's key, ...). The caller's transaction should be rolled back; whether
 * to retry is the caller's call, with the SQLState of {@link #getCause()} when there is one.
 */
public class FlowLoadException extends RuntimeException {

    public FlowLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    public FlowLoadException(String message) {
        super(message);
    }

    /** The SQLState of the database error behind this, or null. */
    public String sqlState() {
        return getCause() instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
