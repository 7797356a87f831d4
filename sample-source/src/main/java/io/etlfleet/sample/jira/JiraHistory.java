package io.etlfleet.sample.jira;

import java.time.Instant;

/** One changelog entry of an issue: a status change by a user at a time. */
public record JiraHistory(long id, Instant created, JiraUser author, JiraStatus from, JiraStatus to) {
}
