package io.etlfleet.sample.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The data behind the fake GitHub: repositories and their issues and pull requests, plus the
 * {@link GithubFaults} to inject. Callers change it while the server runs; every change gets
 * a timestamp from the fake's own clock, which only moves forward, so a change is always
 * later than anything that existed before it. Thread-safe.
 */
public final class GithubSample {

    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+");
    private static final long REPOSITORY_ID_BASE = 700_000_000L;
    private static final long ISSUE_ID_BASE = 2_000_000_000L;

    private final Map<String, RepositoryState> repositories = new LinkedHashMap<>();
    /** Repositories by a name they had before a rename, for GitHub's 301 to the new location. */
    private final Map<String, RepositoryState> movedFrom = new LinkedHashMap<>();
    private final IssueGenerator generator;
    private final GithubFaults faults = new GithubFaults();
    private final String token;
    private final GithubUser tokenOwner;
    private static final long COMMENT_ID_BASE = 1_500_000_000L;

    private GithubJson json;
    private ActivityJson activityJson;
    private Instant clock;
    private long commentSequence;
    private final GithubChurn churn;
    private volatile boolean pagesPastTheEndAnswer422;

    /**
     * @param epoch where the fake's clock starts; generated timestamps follow it
     */
    public GithubSample(long seed, Instant epoch, String token, String tokenOwnerLogin) {
        this.generator = new IssueGenerator(seed);
        this.clock = epoch;
        this.token = token;
        this.tokenOwner = new GithubUser(tokenOwnerLogin, 9_919_000L);
        this.churn = new GithubChurn(this, new Random(seed * 31 + 11));
    }

    /** What the fake changes between listing pages. */
    public GithubChurn churn() {
        return churn;
    }

    /**
     * Whether a listing page beyond the last answers 422 "pagination is limited", as GitHub does
     * for some listings, instead of an empty list. Off by default.
     */
    public GithubSample answerPagesPastTheEndWith422(boolean enabled) {
        pagesPastTheEndAnswer422 = enabled;
        return this;
    }

    boolean pagesPastTheEndAnswer422() {
        return pagesPastTheEndAnswer422;
    }

    /**
     * Renames a repository (or transfers it to another owner): it keeps its id, issues and
     * history, and requests naming the old location get GitHub's 301 to
     * {@code /repositories/{id}/...}.
     */
    public synchronized void renameRepository(String fullName, String newFullName) {
        if (!FULL_NAME.matcher(newFullName).matches()) {
            throw new IllegalArgumentException("not an owner/repo name: " + newFullName);
        }
        if (repositories.containsKey(key(newFullName))) {
            throw new IllegalArgumentException("repository exists: " + newFullName);
        }
        RepositoryState repo = require(fullName);
        repositories.remove(key(fullName));
        repo.renamed(newFullName);
        repo.touch(tick(1));
        repositories.put(key(newFullName), repo);
        movedFrom.put(key(fullName), repo);
    }

    /** Deletes an issue: it leaves every listing, with its comments. */
    public synchronized GithubIssue deleteIssue(String repository, int number) {
        return require(repository).remove(number);
    }

    /**
     * Transfers an issue to another repository: it leaves this one (with its comments) and
     * arrives in {@code toRepository} under that repository's next number, updated now.
     */
    public synchronized GithubIssue transferIssue(String repository, int number, String toRepository) {
        GithubIssue moved = require(repository).remove(number);
        RepositoryState target = require(toRepository);
        int newNumber = target.nextNumber();
        GithubIssue generated = generator.issue(target.fullName(), issueId(target, newNumber), newNumber, false, tick(1));
        if (generated.updatedAt().isAfter(clock)) {
            clock = generated.updatedAt();
        }
        return store(target, generated.withTitle(moved.title(), tick(1)));
    }

    /** The repository a request naming a former location of it should be sent to. */
    synchronized Optional<RepositoryState> movedFrom(String fullName) {
        return Optional.ofNullable(movedFrom.get(key(fullName)));
    }

    synchronized Optional<RepositoryState> findById(long id) {
        return repositories.values().stream().filter(r -> r.id() == id).findFirst();
    }

    /** Sets where API and web URLs inside the JSON point; called once the server's address is known. */
    synchronized void renderWith(GithubJson renderer) {
        this.json = renderer;
        this.activityJson = new ActivityJson(renderer, renderer.apiBase(), renderer.htmlBase());
    }

    synchronized ActivityJson activityJson() {
        return activityJson;
    }

    public GithubFaults faults() {
        return faults;
    }

    public String token() {
        return token;
    }

    public GithubUser tokenOwner() {
        return tokenOwner;
    }

    public synchronized GithubSample addRepository(String fullName) {
        if (!FULL_NAME.matcher(fullName).matches()) {
            throw new IllegalArgumentException("not an owner/repo name: " + fullName);
        }
        String key = key(fullName);
        if (repositories.containsKey(key)) {
            throw new IllegalArgumentException("repository exists: " + fullName);
        }
        repositories.put(key, new RepositoryState(fullName, REPOSITORY_ID_BASE + repositories.size() + 1, clock));
        return this;
    }

    /** Adds {@code count} repositories {@code owner/repo-0001}... created one after the other. */
    public synchronized List<String> generateRepositories(String owner, int count) {
        List<String> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tick(generator.gapSeconds());
            String name = owner + "/repo-" + String.format(Locale.ROOT, "%04d", repositories.size() + 1);
            addRepository(name);
            created.add(name);
        }
        return created;
    }

    /** Changes a repository's description: its {@code updated_at} becomes later than anything existing. */
    public synchronized void updateRepository(String repository) {
        require(repository).touch(tick(1));
    }

    /** Appends {@code count} commits to the default branch, each later than anything existing. */
    public synchronized List<GithubCommit> generateCommits(String repository, int count) {
        RepositoryState repo = require(repository);
        List<GithubCommit> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GithubCommit last = repo.lastCommit();
            int sequence = repo.commits().size() + 1;
            GithubCommit commit = new GithubCommit(repo.fullName(), ActivityJson.sha(repo.fullName(), sequence),
                    generator.commitMessage(), generator.user(), tick(generator.gapSeconds()),
                    last == null ? null : last.sha());
            repo.addCommit(commit);
            created.add(commit);
        }
        return created;
    }

    /** Adds {@code count} comments spread over the repository's issues and pull requests. */
    public synchronized List<GithubComment> generateComments(String repository, int count) {
        RepositoryState repo = require(repository);
        List<GithubIssue> items = repo.all();
        if (items.isEmpty()) {
            throw new IllegalStateException("generate issues in " + repository + " before comments");
        }
        List<GithubComment> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GithubIssue on = items.get((int) (commentSequence % items.size()));
            Instant at = tick(generator.gapSeconds());
            GithubComment comment = new GithubComment(repo.fullName(), COMMENT_ID_BASE + ++commentSequence,
                    on.number(), generator.commentBody(), generator.user(), at, at);
            repo.putComment(comment);
            created.add(comment);
        }
        return created;
    }

    /** Edits a comment; its {@code updated_at} becomes later than anything existing. */
    public synchronized GithubComment updateComment(String repository, long id, String newBody) {
        RepositoryState repo = require(repository);
        GithubComment edited = repo.comment(id).edited(newBody, tick(1));
        repo.putComment(edited);
        return edited;
    }

    public List<GithubCommit> commits(String repository) {
        RepositoryState repo;
        synchronized (this) {
            repo = require(repository);
        }
        return repo.commits();
    }

    public List<GithubComment> comments(String repository) {
        RepositoryState repo;
        synchronized (this) {
            repo = require(repository);
        }
        return repo.comments();
    }

    /** Repositories whose owner is {@code owner}, ignoring case. */
    synchronized List<RepositoryState> ownedBy(String owner) {
        String prefix = key(owner) + "/";
        return repositories.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .toList();
    }

    public synchronized List<String> repositories() {
        return repositories.values().stream().map(RepositoryState::fullName).toList();
    }

    /**
     * Adds {@code count} issues numbered after the existing ones; every {@code everyNthIsPullRequest}-th
     * number is a pull request (0 for none). Some items are generated closed.
     */
    public synchronized List<GithubIssue> generateIssues(String repository, int count, int everyNthIsPullRequest) {
        RepositoryState repo = require(repository);
        List<GithubIssue> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = repo.nextNumber();
            boolean pr = everyNthIsPullRequest > 0 && number % everyNthIsPullRequest == 0;
            GithubIssue issue = generator.issue(repo.fullName(), issueId(repo, number), number, pr,
                    tick(generator.gapSeconds()));
            if (issue.updatedAt().isAfter(clock)) {
                clock = issue.updatedAt();
            }
            store(repo, issue);
            created.add(issue);
        }
        return created;
    }

    /** Changes an item's title; its {@code updated_at} becomes later than anything existing. */
    public synchronized GithubIssue updateIssue(String repository, int number, String newTitle) {
        RepositoryState repo = require(repository);
        return store(repo, repo.get(number).withTitle(newTitle, tick(1)));
    }

    /** Closes an item as completed, with a new {@code updated_at} and {@code closed_at}. */
    public synchronized GithubIssue closeIssue(String repository, int number) {
        RepositoryState repo = require(repository);
        return store(repo, repo.get(number).closed(tick(1)));
    }

    public synchronized GithubIssue issue(String repository, int number) {
        return require(repository).get(number);
    }

    /** Issues only (what {@code warehouse.github_issues} should hold), by number. */
    public List<GithubIssue> issues(String repository) {
        return listing(repository).stream().filter(i -> !i.pullRequest()).toList();
    }

    public List<GithubIssue> pullRequests(String repository) {
        return listing(repository).stream().filter(GithubIssue::pullRequest).toList();
    }

    /** Everything GitHub's issue list returns for the repository (issues and pull requests), by number. */
    public List<GithubIssue> listing(String repository) {
        RepositoryState repo;
        synchronized (this) {
            repo = require(repository);
        }
        return repo.all();
    }

    synchronized Optional<RepositoryState> find(String fullName) {
        return Optional.ofNullable(repositories.get(key(fullName)));
    }

    synchronized GithubJson json() {
        return json;
    }

    private GithubIssue store(RepositoryState repo, GithubIssue issue) {
        repo.put(issue, json.issueBytes(issue));
        return issue;
    }

    private Instant tick(long seconds) {
        clock = clock.plusSeconds(seconds);
        return clock;
    }

    private RepositoryState require(String fullName) {
        RepositoryState repo = repositories.get(key(fullName));
        if (repo == null) {
            throw new IllegalArgumentException("unknown repository: " + fullName);
        }
        return repo;
    }

    private static long issueId(RepositoryState repo, int number) {
        return ISSUE_ID_BASE + (repo.id() - REPOSITORY_ID_BASE) * 10_000_000L + number;
    }

    private static String key(String fullName) {
        return fullName.toLowerCase(Locale.ROOT);
    }
}
