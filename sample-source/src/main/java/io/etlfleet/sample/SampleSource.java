package io.etlfleet.sample;

import io.etlfleet.sample.github.GithubApi;
import io.etlfleet.sample.github.GithubSample;
import io.etlfleet.sample.http.ApiServer;
import io.etlfleet.sample.http.RequestCounts;
import io.etlfleet.sample.jira.JiraApi;
import io.etlfleet.sample.jira.JiraCredentials;
import io.etlfleet.sample.jira.JiraSample;
import io.etlfleet.sample.rest.OrdersApi;
import io.etlfleet.sample.rest.OrdersSample;
import java.time.Clock;

/**
 * The built-in sample source: fake GitHub and Jira REST APIs over real HTTP, for the demo,
 * benchmarks and connector tests. Jira is served twice from the same data: as Jira Cloud
 * below {@value #JIRA_CLOUD_PREFIX} and as Jira Data Center below {@value #JIRA_DATA_CENTER_PREFIX}.
 * A plain JSON API of orders for the generic {@code rest} connector is served below
 * {@value #REST_PREFIX} ({@link OrdersApi}).
 *
 * <pre>{@code
 * try (SampleSource source = SampleSource.start(SampleSourceOptions.builder().build())) {
 *     source.github().addRepository("acme/widgets").generateIssues("acme/widgets", 250, 5);
 *     String baseUrl = source.githubBaseUrl();   // the connector's base_url
 * }
 * }</pre>
 */
public final class SampleSource implements AutoCloseable {

    public static final String JIRA_CLOUD_PREFIX = "/jira";
    public static final String JIRA_DATA_CENTER_PREFIX = "/jira-dc";
    public static final String REST_PREFIX = "/rest";

    private final ApiServer server;
    private final GithubSample github;
    private final JiraSample jira;
    private final OrdersSample orders;
    private final String baseUrl;
    private final String githubPathPrefix;

    private SampleSource(ApiServer server, GithubSample github, JiraSample jira, OrdersSample orders, String baseUrl,
            String githubPathPrefix) {
        this.server = server;
        this.github = github;
        this.jira = jira;
        this.orders = orders;
        this.baseUrl = baseUrl;
        this.githubPathPrefix = githubPathPrefix;
    }

    /** Binds, creates the configured repositories and their issues, and starts serving. */
    public static SampleSource start(SampleSourceOptions options) {
        ApiServer server = ApiServer.bind(options.host(), options.port(), options.threads());
        String host = "0.0.0.0".equals(options.host()) ? "127.0.0.1" : options.host();
        String baseUrl = "http://" + host + ":" + server.port();
        GithubSample github = new GithubSample(options.seed(), options.epoch(), options.token(), "etl-fleet");
        String prefix = options.githubPathPrefix();
        server.mount(prefix, new GithubApi(github, options.rateLimit(), Clock.systemUTC(), prefix,
                baseUrl + prefix, baseUrl));
        for (String repository : options.githubRepositories()) {
            github.addRepository(repository);
            github.generateIssues(repository, options.issuesPerRepository(), options.everyNthIsPullRequest());
            github.generateCommits(repository, options.commitsPerRepository());
            if (options.issuesPerRepository() > 0) {
                github.generateComments(repository, options.commentsPerRepository());
            }
        }
        JiraSample jira = new JiraSample(options.seed(), options.epoch(),
                new JiraCredentials(options.jiraEmail(), options.token(), options.token()));
        server.mount(JIRA_CLOUD_PREFIX, new JiraApi(jira, JiraApi.Deployment.CLOUD, Clock.systemUTC(), JIRA_CLOUD_PREFIX));
        server.mount(JIRA_DATA_CENTER_PREFIX,
                new JiraApi(jira, JiraApi.Deployment.DATA_CENTER, Clock.systemUTC(), JIRA_DATA_CENTER_PREFIX));
        for (String project : options.jiraProjects()) {
            jira.addProject(project, project.charAt(0) + project.substring(1).toLowerCase() + " project");
            jira.generateIssues(project, options.jiraIssuesPerProject());
        }
        OrdersSample orders = new OrdersSample(options.seed(), options.epoch());
        orders.generate(options.restOrders());
        server.mount(REST_PREFIX, new OrdersApi(orders));
        server.start();
        return new SampleSource(server, github, jira, orders, baseUrl, prefix);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Where a GitHub client points its base URL: {@link #baseUrl()} plus the path prefix, if any. */
    public String githubBaseUrl() {
        return baseUrl + githubPathPrefix;
    }

    public int port() {
        return server.port();
    }

    /** Where a Jira Cloud client points its base URL (API token: {@link SampleSourceOptions#token()}). */
    public String jiraCloudBaseUrl() {
        return baseUrl + JIRA_CLOUD_PREFIX;
    }

    /** Where a Jira Data Center client points its base URL (personal access token: {@link SampleSourceOptions#token()}). */
    public String jiraDataCenterBaseUrl() {
        return baseUrl + JIRA_DATA_CENTER_PREFIX;
    }

    /** Where the {@code rest} connector points its base URL; the orders are at {@value OrdersApi#ORDERS} below it. */
    public String restBaseUrl() {
        return baseUrl + REST_PREFIX;
    }

    /** The sample REST API's orders. */
    public OrdersSample orders() {
        return orders;
    }

    /** The fake Jira's data and fault injection, shared by both deployments. */
    public JiraSample jira() {
        return jira;
    }

    /** The fake GitHub's data and fault injection. */
    public GithubSample github() {
        return github;
    }

    /** Requests served so far, per path and in total. */
    /** Delays every response by {@code value} (default none); see {@link ApiServer#latency}. */
    public SampleSource latency(java.time.Duration value) {
        server.latency(value);
        return this;
    }

    public RequestCounts requests() {
        return server.counts();
    }

    @Override
    public void close() {
        server.close();
    }
}
