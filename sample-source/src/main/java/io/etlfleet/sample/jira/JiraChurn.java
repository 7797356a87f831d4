package io.etlfleet.sample.jira;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What the fake Jira changes between the pages of a search, to test clients against a source
 * that is edited while they page through it. Pages are counted over both searches (Cloud's
 * {@code /search/jql} and Data Center's {@code /search}) from the moment a change is asked for.
 * Each change runs after a page's response is built and before it is sent, so the client's
 * next request sees it. Thread-safe.
 *
 * <pre>
 * jira.churn().afterEverySearchPage(1, 3, 2);                          // edit 3, create 2, after every page
 * jira.churn().afterSearchPage(2, j -&gt; j.moveIssue("WID-1", "OPS")); // once, after the 2nd page from now
 * jira.churn().repeatLastIssueOnNextPage();                           // the next page repeats an issue
 * jira.churn().stop();
 * </pre>
 */
public final class JiraChurn {

    private record Scheduled(int page, Consumer<JiraSample> change) {
    }

    /** A query answered with one issue twice: {@code issueId} inserted at {@code index} of its result. */
    private record Repeat(String jql, int index, long issueId) {
    }

    private final JiraSample sample;
    private final Random random;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final List<String> edited = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private int pagesServed;
    private int everyPages;
    private int churnStartedAt;
    private int edits;
    private int creates;
    private boolean repeatAsked;
    private Repeat repeat;
    private Long lastServedIssueId;

    JiraChurn(JiraSample sample, Random random) {
        this.sample = sample;
        this.random = random;
    }

    /**
     * After every {@code everyNthPage}-th search page served from now on, edits {@code edits}
     * distinct random issues of the searched project (a new summary, so {@code updated} becomes
     * later than anything existing) and then creates {@code creates} new issues in it. Replaces
     * an earlier setting; {@code everyNthPage} 0 turns it off.
     */
    public synchronized JiraChurn afterEverySearchPage(int everyNthPage, int edits, int creates) {
        if (everyNthPage < 0 || edits < 0 || creates < 0) {
            throw new IllegalArgumentException("page interval, edits and creates must not be negative");
        }
        this.everyPages = everyNthPage;
        this.edits = edits;
        this.creates = creates;
        this.churnStartedAt = pagesServed;
        return this;
    }

    /** Runs {@code change} once, after the {@code nthPageFromNow}-th search page served from now on (1 = the next). */
    public synchronized JiraChurn afterSearchPage(int nthPageFromNow, Consumer<JiraSample> change) {
        if (nthPageFromNow < 1) {
            throw new IllegalArgumentException("nthPageFromNow must be at least 1");
        }
        scheduled.add(new Scheduled(pagesServed + nthPageFromNow, change));
        return this;
    }

    /**
     * Makes the next search page answer once more, first, the last issue of the search page
     * served before it, as if that issue had moved one place down the result: the rest of the
     * page and the result's positions ({@code total}, {@code startAt}, {@code nextPageToken})
     * shift by one for the rest of that query, so a client paging it by position sees one issue
     * twice and misses none. Needs a page with issues served before.
     */
    public synchronized JiraChurn repeatLastIssueOnNextPage() {
        repeatAsked = true;
        return this;
    }

    /** Stops every change asked for (periodic, scheduled, repeats); what was changed stays listed. */
    public synchronized void stop() {
        everyPages = 0;
        scheduled.clear();
        repeatAsked = false;
        repeat = null;
    }

    public synchronized int searchPagesServed() {
        return pagesServed;
    }

    /** Keys of the issues edited by {@link #afterEverySearchPage}, in order (an issue edited twice is listed twice). */
    public synchronized List<String> editedKeys() {
        return List.copyOf(edited);
    }

    /** Keys of the issues created by {@link #afterEverySearchPage}, in order. */
    public synchronized List<String> createdKeys() {
        return List.copyOf(created);
    }

    /** The result a search page is cut from: {@code matching}, with the repeated issue when one applies. */
    synchronized List<JiraIssue> result(String jql, List<JiraIssue> matching, int offset) {
        if (repeatAsked && lastServedIssueId != null) {
            repeatAsked = false;
            repeat = new Repeat(jql, offset, lastServedIssueId);
        }
        if (repeat == null || !repeat.jql().equals(jql)) {
            return matching;
        }
        JiraIssue repeated = sample.issueById(repeat.issueId()).orElse(null);
        if (repeated == null) {
            return matching;
        }
        List<JiraIssue> result = new ArrayList<>(matching);
        result.add(Math.min(repeat.index(), result.size()), repeated);
        return result;
    }

    /** Called after each search page is built, before it is sent: runs the changes due. */
    void served(String projectKey, List<JiraIssue> page) {
        List<Consumer<JiraSample>> due = new ArrayList<>();
        synchronized (this) {
            pagesServed++;
            if (!page.isEmpty()) {
                lastServedIssueId = page.get(page.size() - 1).id();
            }
            if (everyPages > 0 && (pagesServed - churnStartedAt) % everyPages == 0) {
                int editCount = edits;
                int createCount = creates;
                due.add(jira -> churn(jira, projectKey, editCount, createCount));
            }
            scheduled.removeIf(s -> {
                if (s.page() == pagesServed) {
                    due.add(s.change());
                    return true;
                }
                return false;
            });
        }
        // outside this lock: the changes take the sample's lock, which never waits for this one
        due.forEach(change -> change.accept(sample));
    }

    private void churn(JiraSample jira, String projectKey, int editCount, int createCount) {
        String project = projectKey != null ? projectKey : jira.projects().get(0).key();
        List<JiraIssue> candidates = new ArrayList<>(jira.issues(project));
        synchronized (this) {
            Collections.shuffle(candidates, random);
        }
        for (JiraIssue issue : candidates.subList(0, Math.min(editCount, candidates.size()))) {
            int number;
            synchronized (this) {
                number = edited.size() + 1;
            }
            String summary = issue.summary().replaceFirst(" \\(edited while searched \\d+\\)$", "");
            JiraIssue changed = jira.updateIssue(issue.key(), summary + " (edited while searched " + number + ")");
            synchronized (this) {
                edited.add(changed.key());
            }
        }
        for (JiraIssue issue : createCount == 0 ? List.<JiraIssue>of() : jira.generateIssues(project, createCount)) {
            synchronized (this) {
                created.add(issue.key());
            }
        }
    }
}
