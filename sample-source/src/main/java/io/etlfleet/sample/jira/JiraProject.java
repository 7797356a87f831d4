package io.etlfleet.sample.jira;

/** A Jira project: numeric id, key (e.g. {@code WID}), name and lead. */
public record JiraProject(long id, String key, String name, JiraUser lead) {
}
