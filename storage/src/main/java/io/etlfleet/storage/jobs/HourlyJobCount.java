package io.etlfleet.storage.jobs;

import java.time.Instant;

/** How many jobs created in one hour (UTC, truncated) have a given status now. */
public record HourlyJobCount(Instant hour, String status, long count) {
}
