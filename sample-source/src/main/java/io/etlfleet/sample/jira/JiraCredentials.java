package io.etlfleet.sample.jira;

/**
 * What the fake Jira accepts: Cloud takes HTTP basic {@code email:apiToken}; Data Center
 * takes {@code Authorization: Bearer <personalAccessToken>}. {@link #toString()} hides the secrets.
 */
public record JiraCredentials(String email, String apiToken, String personalAccessToken) {

    @Override
    public String toString() {
        return "JiraCredentials[email=" + email + "]";
    }
}
