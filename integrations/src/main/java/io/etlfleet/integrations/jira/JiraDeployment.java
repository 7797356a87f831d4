package io.etlfleet.integrations.jira;

/**
 * Which Jira an integration talks to. They differ in REST version, authentication and paging:
 * Cloud uses {@code /rest/api/3}, basic {@code email:api_token} and token-paged enhanced search;
 * Data Center uses {@code /rest/api/2}, a {@code Bearer} personal access token and startAt paging.
 */
public enum JiraDeployment {
    CLOUD("cloud", "rest/api/3"),
    DATA_CENTER("datacenter", "rest/api/2");

    private final String configName;
    private final String apiPath;

    JiraDeployment(String configName, String apiPath) {
        this.configName = configName;
        this.apiPath = apiPath;
    }

    /** The value of {@code config.deployment}. */
    public String configName() {
        return configName;
    }

    /** The REST API root below the base URL, without slashes at either end. */
    String apiPath() {
        return apiPath;
    }
}
