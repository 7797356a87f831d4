package io.etlfleet.extract.running;

import io.etlfleet.integrations.spi.Page;
import io.etlfleet.storage.jobs.Job;
import java.time.Duration;

/**
 * Told what an {@link ExtractJobRunner} does, on the consumer thread that runs the job; must be
 * fast and must not throw. Used for metrics.
 */
public interface ExtractObserver {

    ExtractObserver NONE = new ExtractObserver() {
    };

    /** The job was claimed and starts (or resumes) now. */
    default void started(Job job) {
    }

    /**
     * A page was committed.
     *
     * @param page the committed page: its records, request and the connector's counts
     * @param took from the end of the previous page (or the job's start) to this commit: fetch and commit
     */
    default void pageCommitted(Job job, Page page, Duration took) {
    }

    /** The job ended without failing: succeeded, handed back at a page boundary, or cancelled. */
    default void ended(Job job) {
    }

    /** The job failed; the failure goes on to be retried or dead-lettered. */
    default void failed(Job job, RuntimeException failure) {
    }
}
