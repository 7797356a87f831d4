package io.etlfleet.sample.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data behind the fake Jira (served as Cloud and as Data Center): projects, their issues
 * with complete changelogs, the workflow's statuses, the accepted credentials and the
 * {@link JiraFaults} to inject. Every change takes a timestamp from the fake's own clock,
 * which only moves forward. Thread-safe.
 */
public final class JiraSample {

    /** Cloud embeds at most this many changelog histories in search results. */
    public static final int DEFAULT_EMBEDDED_CHANGELOG_LIMIT = 100;

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");

    private final Map<String, JiraProject> projects = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, JiraIssue>> issues = new LinkedHashMap<>();
    private final JiraIssueGenerator generator;
    private final JiraFaults faults = new JiraFaults();
    private final JiraCredentials credentials;
    private int embeddedChangelogLimit = DEFAULT_EMBEDDED_CHANGELOG_LIMIT;
    private long nextIssueId = 10_001;
    private long nextHistoryId = 20_001;
    private Instant clock;

    public JiraSample(long seed, Instant epoch, JiraCredentials credentials) {
        this.generator = new JiraIssueGenerator(seed);
        this.clock = epoch;
        this.credentials = credentials;
    }

    public JiraFaults faults() {
        return faults;
    }

    public JiraCredentials credentials() {
        return credentials;
    }

    /** The user the credentials belong to ({@code /myself}). */
    public JiraUser myself() {
        return new JiraUser("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", "etl-fleet", "ETL Fleet",
                credentials.email());
    }

    /** How many changelog histories search results embed before truncating (Cloud: 100). */
    public synchronized JiraSample embeddedChangelogLimit(int limit) {
        embeddedChangelogLimit = limit;
        return this;
    }

    synchronized int embeddedChangelogLimit() {
        return embeddedChangelogLimit;
    }

    public synchronized JiraSample addProject(String key, String name) {
        if (!PROJECT_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a Jira project key (A-Z, then A-Z, 0-9, _): " + key);
        }
        if (projects.containsKey(key)) {
            throw new IllegalArgumentException("project exists: " + key);
        }
        projects.put(key, new JiraProject(10_000 + projects.size(), key, name, generator.user()));
        issues.put(key, new TreeMap<>());
        return this;
    }

    /** Adds {@code count} issues to a project, each created and then moved through 0 to 4 statuses. */
    public synchronized List<JiraIssue> generateIssues(String projectKey, int count) {
        TreeMap<Integer, JiraIssue> byNumber = require(projectKey);
        List<JiraIssue> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = byNumber.isEmpty() ? 1 : byNumber.lastKey() + 1;
            String summary = generator.summary();
            Instant at = tick(generator.gapSeconds());
            JiraIssue issue = new JiraIssue(projectKey, nextIssueId++, projectKey + "-" + number, summary,
                    generator.description(summary), JiraStatus.TO_DO, generator.issueType(), generator.priority(),
                    generator.assigneeOrNull(), generator.user(), generator.labels(), at, at, List.of());
            for (int t = generator.transitions(); t > 0; t--) {
                issue = issue.transitioned(issue.status().next(), nextHistoryId++, generator.user(), tick(7));
            }
            byNumber.put(number, issue);
            created.add(issue);
        }
        return created;
    }

    /** Changes an issue's summary; its {@code updated} becomes later than anything existing. */
    public synchronized JiraIssue updateIssue(String issueKey, String newSummary) {
        return store(find(issueKey).withSummary(newSummary, tick(1)));
    }

    /** Moves an issue to another status, recording a changelog history. */
    public synchronized JiraIssue transition(String issueKey, String toStatus) {
        return store(find(issueKey).transitioned(JiraStatus.named(toStatus), nextHistoryId++, generator.user(), tick(1)));
    }

    /** Moves an issue {@code count} steps along the workflow, e.g. to give it a changelog longer than a page. */
    public synchronized JiraIssue cycle(String issueKey, int count) {
        JiraIssue issue = find(issueKey);
        for (int i = 0; i < count; i++) {
            issue = issue.transitioned(issue.status().next(), nextHistoryId++, generator.user(), tick(1));
        }
        return store(issue);
    }

    public synchronized JiraIssue issue(String issueKey) {
        return find(issueKey);
    }

    /** A project's issues, by number: what the warehouse should hold. */
    public synchronized List<JiraIssue> issues(String projectKey) {
        return List.copyOf(require(projectKey).values());
    }

    public synchronized List<JiraProject> projects() {
        return List.copyOf(projects.values());
    }

    public List<JiraStatus> statuses() {
        return JiraStatus.WORKFLOW;
    }

    synchronized Optional<JiraProject> project(String key) {
        return Optional.ofNullable(projects.get(key));
    }

    synchronized Optional<JiraIssue> findIssue(String issueKey) {
        int dash = issueKey.lastIndexOf('-');
        if (dash <= 0 || !issues.containsKey(issueKey.substring(0, dash))) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(issues.get(issueKey.substring(0, dash)).get(Integer.parseInt(issueKey.substring(dash + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private JiraIssue find(String issueKey) {
        return findIssue(issueKey).orElseThrow(() -> new IllegalArgumentException("no issue " + issueKey));
    }

    private JiraIssue store(JiraIssue issue) {
        issues.get(issue.projectKey()).put(Integer.parseInt(issue.key().substring(issue.key().lastIndexOf('-') + 1)), issue);
        return issue;
    }

    private TreeMap<Integer, JiraIssue> require(String projectKey) {
        TreeMap<Integer, JiraIssue> byNumber = issues.get(projectKey);
        if (byNumber == null) {
            throw new IllegalArgumentException("unknown project: " + projectKey);
        }
        return byNumber;
    }

    private Instant tick(long seconds) {
        clock = clock.plusSeconds(seconds);
        return clock;
    }
}
