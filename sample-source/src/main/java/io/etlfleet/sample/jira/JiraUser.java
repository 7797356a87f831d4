package io.etlfleet.sample.jira;

/**
 * A Jira user. Cloud identifies users by {@code accountId}; Data Center by {@code name} and {@code key}.
 */
public record JiraUser(String accountId, String name, String displayName, String email) {
}
