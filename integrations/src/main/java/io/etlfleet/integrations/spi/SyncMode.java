package io.etlfleet.integrations.spi;

/** How much of the source a run reads. */
public enum SyncMode {
    /** Only what changed since the stored cursor (everything when there is no cursor yet). */
    INCREMENTAL,
    /** Everything, ignoring the stored cursor. */
    FULL
}
