package io.etlfleet.sample.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The data behind the fake Jira (served as Cloud and as Data Center): projects, their issues
 * with complete changelogs, the workflow's statuses, the accepted credentials, the
 * {@link JiraFaults} to inject and the {@link JiraChurn} to apply between search pages. Every
 * change takes a timestamp from the fake's own clock, which only moves forward. Keys are never
 * reused: each project counts its issue numbers, and a moved issue's old key keeps finding it.
 * Thread-safe.
 */
public final class JiraSample {

    /** Cloud embeds at most this many changelog histories in search results. */
    public static final int DEFAULT_EMBEDDED_CHANGELOG_LIMIT = 100;

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");

    private final Map<String, JiraProject> projects = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, JiraIssue>> issues = new LinkedHashMap<>();
    private final Map<String, Integer> lastNumbers = new HashMap<>();
    private final Map<String, String> movedKeys = new HashMap<>();
    private final JiraIssueGenerator generator;
    private final JiraFaults faults = new JiraFaults();
    private final JiraChurn churn;
    private final JiraCredentials credentials;
    private int embeddedChangelogLimit = DEFAULT_EMBEDDED_CHANGELOG_LIMIT;
    private long nextIssueId = 10_001;
    private long nextHistoryId = 20_001;
    private Instant clock;

    public JiraSample(long seed, Instant epoch, JiraCredentials credentials) {
        this.generator = new JiraIssueGenerator(seed);
        this.clock = epoch;
        this.credentials = credentials;
        this.churn = new JiraChurn(this, new Random(seed * 31 + 7));
    }

    public JiraFaults faults() {
        return faults;
    }

    /** Edits, creations, moves and repeats the fake makes between the pages of a search. */
    public JiraChurn churn() {
        return churn;
    }

    /** The fake's clock: the latest timestamp it gave out. Anything changed from now on is later. */
    public synchronized Instant now() {
        return clock;
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
        lastNumbers.put(key, 0);
        return this;
    }

    /** Adds {@code count} issues to a project, each created and then moved through 0 to 4 statuses. */
    public synchronized List<JiraIssue> generateIssues(String projectKey, int count) {
        TreeMap<Integer, JiraIssue> byNumber = require(projectKey);
        List<JiraIssue> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = nextNumber(projectKey);
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

    /**
     * Adds {@code count} issues the way a CSV import does: all created and updated at one and
     * the same instant (so they share one {@code updated} millisecond), in To Do, without history.
     */
    public synchronized List<JiraIssue> importIssues(String projectKey, int count) {
        TreeMap<Integer, JiraIssue> byNumber = require(projectKey);
        Instant at = tick(1);
        List<JiraIssue> imported = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = nextNumber(projectKey);
            String summary = generator.summary();
            JiraIssue issue = new JiraIssue(projectKey, nextIssueId++, projectKey + "-" + number, summary,
                    generator.description(summary), JiraStatus.TO_DO, generator.issueType(), generator.priority(),
                    generator.assigneeOrNull(), generator.user(), generator.labels(), at, at, List.of());
            byNumber.put(number, issue);
            imported.add(issue);
        }
        return imported;
    }

    /**
     * Moves an issue to another project, as Jira's move does: same id, the next key of the target
     * project, {@code updated} later than anything existing. Searches of the old project no longer
     * find it; {@code GET /issue/{oldKey}} still answers it (under its new key), like Jira.
     */
    public synchronized JiraIssue moveIssue(String issueKey, String toProject) {
        JiraIssue issue = find(issueKey);
        require(toProject);
        if (issue.projectKey().equals(toProject)) {
            throw new IllegalArgumentException(issueKey + " is already in " + toProject);
        }
        issues.get(issue.projectKey()).remove(issue.number());
        JiraIssue moved = issue.movedTo(toProject, toProject + "-" + nextNumber(toProject), tick(1));
        movedKeys.put(issue.key(), moved.key());
        return store(moved);
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

    /** The issue under {@code issueKey}, or under the key it was moved to. */
    synchronized Optional<JiraIssue> findIssue(String issueKey) {
        String key = issueKey;
        for (int hops = 0; hops <= movedKeys.size(); hops++) {
            Optional<JiraIssue> found = current(key);
            if (found.isPresent() || !movedKeys.containsKey(key)) {
                return found;
            }
            key = movedKeys.get(key);
        }
        return Optional.empty();
    }

    synchronized Optional<JiraIssue> issueById(long id) {
        return issues.values().stream().flatMap(byNumber -> byNumber.values().stream())
                .filter(issue -> issue.id() == id).findFirst();
    }

    private Optional<JiraIssue> current(String issueKey) {
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
        issues.get(issue.projectKey()).put(issue.number(), issue);
        return issue;
    }

    private int nextNumber(String projectKey) {
        return lastNumbers.merge(projectKey, 1, Integer::sum);
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
