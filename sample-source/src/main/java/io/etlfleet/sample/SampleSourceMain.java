package io.etlfleet.sample;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sample source until the process is stopped. Settings come from the environment
 * or from {@code --name=value} arguments, which win:
 *
 * <pre>
 * SAMPLE_HOST                     --host                     bind address (127.0.0.1)
 * SAMPLE_PORT                     --port                     0 = random (0)
 * SAMPLE_TOKEN                    --token                    accepted token (sample-token)
 * SAMPLE_GITHUB_REPOS             --github-repos             acme/widgets,acme/gadgets
 * SAMPLE_GITHUB_ISSUES_PER_REPO   --github-issues-per-repo   (250)
 * SAMPLE_GITHUB_COMMITS_PER_REPO  --github-commits-per-repo  (120)
 * SAMPLE_GITHUB_COMMENTS_PER_REPO --github-comments-per-repo (300)
 * SAMPLE_SEED                     --seed                     (42)
 * SAMPLE_RATE_LIMIT               --rate-limit               requests per hour (5000)
 * SAMPLE_JIRA_PROJECTS            --jira-projects            WID,OPS
 * SAMPLE_JIRA_ISSUES_PER_PROJECT  --jira-issues-per-project  (200)
 * SAMPLE_JIRA_EMAIL               --jira-email               Jira Cloud account email (etl@example.com)
 * SAMPLE_REST_ORDERS              --rest-orders              orders of the REST API at /rest/v1/orders (500)
 * SAMPLE_LATENCY_MS               --latency-ms               delay of every response in ms (0)
 * SAMPLE_THREADS                  --threads                  HTTP threads, concurrent requests served (16)
 * </pre>
 *
 * Generated timestamps start 30 days before now, so the demo's data looks recent.
 */
public final class SampleSourceMain {

    private SampleSourceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> settings = settings(System.getenv(), args);
        SampleSourceOptions options = SampleSourceOptions.builder()
                .host(settings.getOrDefault("host", "127.0.0.1"))
                .port(Integer.parseInt(settings.getOrDefault("port", "0")))
                .token(settings.getOrDefault("token", SampleSourceOptions.DEFAULT_TOKEN))
                .githubRepositories(List.of(settings.getOrDefault("github-repos", "acme/widgets,acme/gadgets").split(",")))
                .issuesPerRepository(Integer.parseInt(settings.getOrDefault("github-issues-per-repo", "250")))
                .commitsPerRepository(Integer.parseInt(settings.getOrDefault("github-commits-per-repo", "120")))
                .commentsPerRepository(Integer.parseInt(settings.getOrDefault("github-comments-per-repo", "300")))
                .seed(Long.parseLong(settings.getOrDefault("seed", "42")))
                .rateLimit(Integer.parseInt(settings.getOrDefault("rate-limit", "5000")))
                .jiraProjects(List.of(settings.getOrDefault("jira-projects", "WID,OPS").split(",")))
                .jiraIssuesPerProject(Integer.parseInt(settings.getOrDefault("jira-issues-per-project", "200")))
                .jiraEmail(settings.getOrDefault("jira-email", SampleSourceOptions.DEFAULT_JIRA_EMAIL))
                .restOrders(Integer.parseInt(settings.getOrDefault("rest-orders", "500")))
                .threads(Integer.parseInt(settings.getOrDefault("threads", "16")))
                .epoch(Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS))
                .build();
        SampleSource source = SampleSource.start(options)
                .latency(java.time.Duration.ofMillis(Long.parseLong(settings.getOrDefault("latency-ms", "0"))));
        Runtime.getRuntime().addShutdownHook(new Thread(source::close, "sample-source-shutdown"));
        System.out.println("sample-source listening on " + source.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** Environment {@code SAMPLE_GITHUB_REPOS} and argument {@code --github-repos=...} share the key {@code github-repos}. */
    static Map<String, String> settings(Map<String, String> env, String[] args) {
        Map<String, String> settings = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("SAMPLE_") && !value.isBlank()) {
                settings.put(name.substring("SAMPLE_".length()).toLowerCase().replace('_', '-'), value.trim());
            }
        });
        Arrays.stream(args).filter(arg -> arg.startsWith("--") && arg.contains("=")).forEach(arg -> {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(2, eq), arg.substring(eq + 1));
        });
        return settings;
    }
}
