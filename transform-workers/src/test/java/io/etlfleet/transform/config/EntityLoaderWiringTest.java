package io.etlfleet.transform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.transform.loading.EntityLoaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityLoaderWiringTest {

    private final EntityLoaders loaders = new TransformWorkerConfiguration().entityLoaders();

    @ParameterizedTest
    @CsvSource({
        "github, github_repositories, GithubRepositoryLoader",
        "github, github_issues, GithubIssueLoader",
        "github, github_pull_requests, GithubPullRequestLoader",
        "github, github_commits, GithubCommitLoader",
        "github, github_issue_comments, GithubIssueCommentLoader",
        "jira, jira_projects, JiraProjectLoader",
        "jira, jira_issues, JiraIssueLoader",
        "jira, jira_statuses, JiraStatusLoader",
        "jdbc, sales.orders, JdbcTableLoader"})
    void everyDocumentedEntityTypeHasALoader(String integrationType, String entityType, String loader) {
        assertThat(loaders.forJob(integrationType, entityType)).get()
                .satisfies(l -> assertThat(l.getClass().getSimpleName()).isEqualTo(loader));
    }
}
