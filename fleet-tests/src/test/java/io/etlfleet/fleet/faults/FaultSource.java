package io.etlfleet.fleet.faults;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.github.GithubIssue;
import io.etlfleet.sample.jira.JiraHistory;
import io.etlfleet.sample.jira.JiraIssue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake GitHub and Jira of a fault run, and what the warehouse must hold afterwards. Half
 * of the records are GitHub issues in two repositories (every 5th listing item is a pull
 * request, which the issues table excludes), half Jira issues in two projects.
 */
final class FaultSource implements AutoCloseable {

    static final List<String> REPOSITORIES = List.of("acme/widgets", "acme/gadgets");
    static final List<String> PROJECTS = List.of("ALPHA", "BETA");

    private final SampleSource source;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger rateLimits = new AtomicInteger();

    FaultSource(int records) {
        int githubIssuesPerRepository = records / 4;
        int jiraIssuesPerProject = records / 2 - records / 4;
        source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(REPOSITORIES)
                .issuesPerRepository(githubIssuesPerRepository * 5 / 4)
                .everyNthIsPullRequest(5)
                .jiraProjects(PROJECTS)
                .jiraIssuesPerProject(jiraIssuesPerProject)
                .rateLimit(100_000_000)
                .threads(8)
                .build());
    }

    /** Integration create bodies, one per repository and project, so their jobs run in parallel. */
    List<String> integrationBodies() {
        List<String> bodies = new java.util.ArrayList<>();
        for (String repository : REPOSITORIES) {
            bodies.add("""
                    {"type":"github","name":"%s","config":{"base_url":"%s","repositories":["%s"]},
                     "credentials":{"token":"%s"}}""".formatted(repository, source.githubBaseUrl(), repository,
                    SampleSourceOptions.DEFAULT_TOKEN));
        }
        for (String project : PROJECTS) {
            bodies.add("""
                    {"type":"jira","name":"%s","config":{"base_url":"%s","deployment":"cloud","projects":["%s"]},
                     "credentials":{"email":"%s","api_token":"%s"}}""".formatted(project, source.jiraCloudBaseUrl(),
                    project, SampleSourceOptions.DEFAULT_JIRA_EMAIL, SampleSourceOptions.DEFAULT_TOKEN));
        }
        return bodies;
    }

    static String entitiesOf(String type) {
        return type.equals("github") ? "[\"github_issues\"]" : "[\"jira_projects\",\"jira_statuses\",\"jira_issues\"]";
    }

    /** A burst of source trouble: a 5xx (retried by the client) and a short rate limit, at both fakes. */
    void injectTrouble() {
        source.github().faults().serverErrors(1, 502).secondaryRateLimit(1, 429, Duration.ofSeconds(1));
        source.jira().faults().serverErrors(1, 503).rateLimit(1, Duration.ofSeconds(1));
        serverErrors.addAndGet(2);
        rateLimits.addAndGet(2);
    }

    /** Changes {@code count} issues at each fake while the sync runs. */
    void changeIssues(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            String repository = REPOSITORIES.get(i % REPOSITORIES.size());
            List<GithubIssue> issues = source.github().issues(repository);
            GithubIssue issue = issues.get(random.nextInt(issues.size()));
            source.github().updateIssue(repository, issue.number(), issue.title() + " (edited " + i + ")");
            List<JiraIssue> jira = source.jira().issues(PROJECTS.get(i % PROJECTS.size()));
            JiraIssue changed = jira.get(random.nextInt(jira.size()));
            if (i % 2 == 0) {
                source.jira().cycle(changed.key(), 1);
            } else {
                source.jira().updateIssue(changed.key(), changed.summary() + " (edited " + i + ")");
            }
        }
    }

    /** Creates one issue in each repository (a pull request now and then) and each project; returns how many. */
    int createIssues() {
        int created = 0;
        for (String repository : REPOSITORIES) {
            created += source.github().generateIssues(repository, 1, 5).size();
        }
        for (String project : PROJECTS) {
            created += source.jira().generateIssues(project, 1).size();
        }
        return created;
    }

    int serverErrorsInjected() {
        return serverErrors.get();
    }

    int rateLimitsInjected() {
        return rateLimits.get();
    }

    long sourceRecords() {
        long github = REPOSITORIES.stream().mapToLong(r -> source.github().issues(r).size()).sum();
        long jira = PROJECTS.stream().mapToLong(p -> source.jira().issues(p).size()).sum();
        return github + jira;
    }

    /** Raw objects a full sync stores: the GitHub listings (issues and pull requests) and the Jira issues. */
    long rawRecords() {
        long github = REPOSITORIES.stream().mapToLong(r -> source.github().listing(r).size()).sum();
        long jira = PROJECTS.stream().mapToLong(p -> source.jira().issues(p).size()).sum();
        return github + jira;
    }

    /** {@code repo#number} → {@code title|state|updated epoch second}. */
    Map<String, String> githubIssues() {
        Map<String, String> expected = new HashMap<>();
        for (String repository : REPOSITORIES) {
            for (GithubIssue issue : source.github().issues(repository)) {
                expected.put(repository + "#" + issue.number(),
                        issue.title() + "|" + issue.state() + "|" + issue.updatedAt().getEpochSecond());
            }
        }
        return expected;
    }

    /** {@code KEY-n} → {@code summary|status|updated epoch milli}. */
    Map<String, String> jiraIssues() {
        Map<String, String> expected = new HashMap<>();
        for (String project : PROJECTS) {
            for (JiraIssue issue : source.jira().issues(project)) {
                expected.put(issue.key(), issue.summary() + "|" + issue.status().name() + "|"
                        + issue.updated().toEpochMilli());
            }
        }
        return expected;
    }

    /** {@code KEY-n/history id} → {@code to status}. */
    Map<String, String> jiraTransitions() {
        Map<String, String> expected = new HashMap<>();
        for (String project : PROJECTS) {
            for (JiraIssue issue : source.jira().issues(project)) {
                for (JiraHistory history : issue.histories()) {
                    expected.put(issue.key() + "/" + history.id(), history.to().name());
                }
            }
        }
        return expected;
    }

    @Override
    public void close() {
        source.close();
    }
}
