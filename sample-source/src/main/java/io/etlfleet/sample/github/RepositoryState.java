package io.etlfleet.sample.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One fake repository: its issues (with each version's JSON rendered once) and a cache of
 * sorted listings, so paging through tens of thousands of issues costs one sort per change,
 * not one per page. Guarded by its own monitor.
 */
final class RepositoryState {

    /** An issue version and its rendered JSON. */
    record Stored(GithubIssue issue, byte[] json) {
    }

    private static final int MAX_CACHED_LISTINGS = 32;

    private volatile String fullName;
    private final long id;
    private final Instant createdAt;
    private final TreeMap<Integer, Stored> byNumber = new TreeMap<>();
    private final Map<ListingQuery, List<Stored>> listings = new ConcurrentHashMap<>();
    private final List<GithubCommit> commits = new ArrayList<>();
    private final TreeMap<Long, GithubComment> comments = new TreeMap<>();
    private Instant updatedAt;
    private int highestNumber;

    RepositoryState(String fullName, long id, Instant createdAt) {
        this.fullName = fullName;
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** When the repository object itself last changed (its {@code updated_at}). */
    synchronized Instant updatedAt() {
        return updatedAt;
    }

    synchronized void touch(Instant at) {
        updatedAt = at;
    }

    synchronized void addCommit(GithubCommit commit) {
        commits.add(commit);
    }

    /** Commits, oldest first. */
    synchronized List<GithubCommit> commits() {
        return List.copyOf(commits);
    }

    synchronized GithubCommit lastCommit() {
        return commits.isEmpty() ? null : commits.get(commits.size() - 1);
    }

    synchronized void putComment(GithubComment comment) {
        comments.put(comment.id(), comment);
    }

    synchronized GithubComment comment(long id) {
        GithubComment comment = comments.get(id);
        if (comment == null) {
            throw new IllegalArgumentException("no comment " + id + " in " + fullName);
        }
        return comment;
    }

    /** Comments by id. */
    synchronized List<GithubComment> comments() {
        return List.copyOf(comments.values());
    }

    String fullName() {
        return fullName;
    }

    /** The repository's new {@code owner/name} after a rename or transfer; its id stays. */
    void renamed(String newFullName) {
        fullName = newFullName;
    }

    long id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized void put(GithubIssue issue, byte[] json) {
        byNumber.put(issue.number(), new Stored(issue, json));
        highestNumber = Math.max(highestNumber, issue.number());
        listings.clear();
    }

    /** Takes an issue or pull request out of the repository, as a deletion or a transfer does. */
    synchronized GithubIssue remove(int number) {
        GithubIssue removed = get(number);
        byNumber.remove(number);
        comments.values().removeIf(c -> c.issueNumber() == number);
        listings.clear();
        return removed;
    }

    synchronized GithubIssue get(int number) {
        Stored stored = byNumber.get(number);
        if (stored == null) {
            throw new IllegalArgumentException("no issue #" + number + " in " + fullName);
        }
        return stored.issue();
    }

    synchronized int nextNumber() {
        // Numbers of deleted or transferred issues are never given out again.
        return highestNumber + 1;
    }

    synchronized List<GithubIssue> all() {
        return byNumber.values().stream().map(Stored::issue).toList();
    }

    synchronized long openIssues() {
        return byNumber.values().stream().filter(s -> s.issue().open()).count();
    }

    synchronized Instant lastUpdated() {
        return byNumber.values().stream().map(s -> s.issue().updatedAt())
                .max(Comparator.naturalOrder()).orElse(createdAt);
    }

    /** The full, ordered result of a listing query; cached until the next change. */
    synchronized List<Stored> list(ListingQuery query) {
        if (query.since() != null && "updated".equals(query.sort())) {
            // A keyset client asks with a new `since` every page: cut the cached listing instead of sorting anew.
            List<Stored> all = list(new ListingQuery(query.state(), null, query.sort(), query.ascending()));
            int low = 0;
            int high = all.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                boolean before = all.get(mid).issue().updatedAt().isBefore(query.since());
                if (before == query.ascending()) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return query.ascending() ? all.subList(low, all.size()) : all.subList(0, low);
        }
        if (listings.size() >= MAX_CACHED_LISTINGS) {
            // Every incremental run asks with a new `since`; keep the cache from growing without bound.
            listings.clear();
        }
        return listings.computeIfAbsent(query, q -> {
            List<Stored> matching = new ArrayList<>();
            for (Stored stored : byNumber.values()) {
                if (q.matches(stored.issue())) {
                    matching.add(stored);
                }
            }
            Comparator<GithubIssue> order = q.order();
            matching.sort((a, b) -> order.compare(a.issue(), b.issue()));
            return List.copyOf(matching);
        });
    }
}
