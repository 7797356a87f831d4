package io.etlfleet.sample;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link SampleSource}. Build with {@link #builder()}; every setting has a default
 * that suits tests (random port, no repositories).
 *
 * @param host                  address to bind; {@code 0.0.0.0} to serve other hosts (containers)
 * @param port                  0 picks a free port
 * @param token                 the only token the fake GitHub accepts
 * @param githubRepositories    {@code owner/repo} names created at start
 * @param issuesPerRepository   issues generated in each of them at start
 * @param everyNthIsPullRequest every n-th generated number is a pull request (0 for none)
 * @param seed                  seed for generated data
 * @param epoch                 where the fake's clock (and so generated timestamps) starts
 * @param rateLimit             requests per hour per token before GitHub's primary limit
 * @param githubPathPrefix      empty like api.github.com, or {@code /api/v3} like GitHub Enterprise Server
 * @param threads               HTTP worker threads
 * @param jiraProjects          Jira project keys created at start
 * @param jiraIssuesPerProject  issues generated in each of them at start
 * @param jiraEmail             the account email Jira Cloud's basic authentication expects with {@code token}
 * @param commitsPerRepository  commits generated on each repository's default branch at start
 * @param commentsPerRepository issue and pull request comments generated in each repository at start
 * @param restOrders            orders the sample REST API ({@code /rest/v1/orders}) serves at start
 */
public record SampleSourceOptions(
        String host,
        int port,
        String token,
        List<String> githubRepositories,
        int issuesPerRepository,
        int everyNthIsPullRequest,
        long seed,
        Instant epoch,
        int rateLimit,
        String githubPathPrefix,
        int threads,
        List<String> jiraProjects,
        int jiraIssuesPerProject,
        String jiraEmail,
        int commitsPerRepository,
        int commentsPerRepository,
        int restOrders) {

    public static final String DEFAULT_TOKEN = "sample-token";
    public static final String DEFAULT_JIRA_EMAIL = "etl@example.com";

    public SampleSourceOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        githubRepositories = List.copyOf(githubRepositories);
        jiraProjects = List.copyOf(jiraProjects);
        Objects.requireNonNull(jiraEmail, "jiraEmail");
        Objects.requireNonNull(epoch, "epoch");
        if (!githubPathPrefix.isEmpty() && (!githubPathPrefix.startsWith("/") || githubPathPrefix.endsWith("/"))) {
            throw new IllegalArgumentException("githubPathPrefix must look like /api/v3: " + githubPathPrefix);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Defaults: 127.0.0.1, random port, token {@value #DEFAULT_TOKEN}, no repositories or Jira projects,
     * Jira email {@value #DEFAULT_JIRA_EMAIL}, seed 42, epoch 2024-01-01, 500 REST orders.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String token = DEFAULT_TOKEN;
        private List<String> repositories = List.of();
        private int issuesPerRepository = 100;
        private int everyNthIsPullRequest = 5;
        private long seed = 42;
        private Instant epoch = Instant.parse("2024-01-01T00:00:00Z");
        private int rateLimit = 5000;
        private String githubPathPrefix = "";
        private int threads = 4;
        private List<String> jiraProjects = List.of();
        private int jiraIssuesPerProject = 100;
        private String jiraEmail = DEFAULT_JIRA_EMAIL;
        private int commitsPerRepository;
        private int commentsPerRepository;
        private int restOrders = 500;

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder token(String value) { token = value; return this; }
        public Builder githubRepositories(List<String> value) { repositories = value; return this; }
        public Builder issuesPerRepository(int value) { issuesPerRepository = value; return this; }
        public Builder everyNthIsPullRequest(int value) { everyNthIsPullRequest = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder epoch(Instant value) { epoch = value; return this; }
        public Builder rateLimit(int value) { rateLimit = value; return this; }
        public Builder githubPathPrefix(String value) { githubPathPrefix = value; return this; }
        public Builder threads(int value) { threads = value; return this; }
        public Builder jiraProjects(List<String> value) { jiraProjects = value; return this; }
        public Builder jiraIssuesPerProject(int value) { jiraIssuesPerProject = value; return this; }
        public Builder jiraEmail(String value) { jiraEmail = value; return this; }
        public Builder commitsPerRepository(int value) { commitsPerRepository = value; return this; }
        public Builder commentsPerRepository(int value) { commentsPerRepository = value; return this; }
        public Builder restOrders(int value) { restOrders = value; return this; }

        public SampleSourceOptions build() {
            return new SampleSourceOptions(host, port, token, repositories, issuesPerRepository,
                    everyNthIsPullRequest, seed, epoch, rateLimit, githubPathPrefix, threads, jiraProjects,
                    jiraIssuesPerProject, jiraEmail, commitsPerRepository, commentsPerRepository, restOrders);
        }
    }
}
