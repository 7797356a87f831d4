package io.etlfleet.storage.jobs;

import java.util.UUID;

/** A status change the transition table does not allow, or a concurrent change won the race. */
public class IllegalJobTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IllegalJobTransitionException(UUID jobId, JobStatus from, JobStatus to) {
        super("job " + jobId + " cannot go from " + (from == null ? "(missing)" : from.dbValue()) + " to " + to.dbValue());
    }
}
