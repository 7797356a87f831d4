package io.etlfleet.integrations.spi;

/**
 * Receives pages from {@link Connector#extract}. Implemented by the runtime.
 *
 * <p>{@link #accept} is called on the thread that called {@code extract}; it returns only
 * after the page (records, checkpoint, and on the last page the cursor) is durably
 * committed, so a connector may treat a returned call as a safe resume point.
 */
public interface PageSink {

    void accept(Page page);

    /** True once the job was cancelled or the worker is stopping; checked between pages. */
    default boolean stopRequested() {
        return false;
    }
}
