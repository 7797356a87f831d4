package io.etlfleet.sample;

import io.etlfleet.sample.github.GithubApi;
import io.etlfleet.sample.github.GithubSample;
import io.etlfleet.sample.http.ApiServer;
import io.etlfleet.sample.http.RequestCounts;
import java.time.Clock;

/**
 * The built-in sample source: a fake GitHub REST API over real HTTP, for the demo,
 * benchmarks and connector tests.
 *
 * <pre>{@code
 * try (SampleSource source = SampleSource.start(SampleSourceOptions.builder().build())) {
 *     source.github().addRepository("acme/widgets").generateIssues("acme/widgets", 250, 5);
 *     String baseUrl = source.githubBaseUrl();   // the connector's base_url
 * }
 * }</pre>
 */
public final class SampleSource implements AutoCloseable {

    private final ApiServer server;
    private final GithubSample github;
    private final String baseUrl;
    private final String githubPathPrefix;

    private SampleSource(ApiServer server, GithubSample github, String baseUrl, String githubPathPrefix) {
        this.server = server;
        this.github = github;
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
        }
        server.start();
        return new SampleSource(server, github, baseUrl, prefix);
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

    /** The fake GitHub's data and fault injection. */
    public GithubSample github() {
        return github;
    }

    /** Requests served so far, per path and in total. */
    public RequestCounts requests() {
        return server.counts();
    }

    @Override
    public void close() {
        server.close();
    }
}
