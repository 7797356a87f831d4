package io.etlfleet.sample.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * What the fake GitHub changes between the pages of a repository's listings (issues, pull
 * requests, commits, issue comments), to test clients against a source that is edited while
 * they page through it. Pages are counted over all those listings from the moment a change is
 * asked for; each change runs after a page's response is built and before it is sent, so the
 * client's next request sees it. Thread-safe.
 *
 * <pre>
 * github.churn().afterEveryListPage(1, 3, 2);                                   // edit 3, create 2, after every page
 * github.churn().afterListPage(2, g -&gt; g.deleteIssue("acme/widgets", 17));      // once, after the 2nd page from now
 * github.churn().stop();
 * </pre>
 */
public final class GithubChurn {

    private record Scheduled(int page, Consumer<GithubSample> change) {
    }

    private final GithubSample sample;
    private final Random random;
    private final List<Scheduled> scheduled = new ArrayList<>();
    private int pagesServed;
    private int everyPages;
    private int churnStartedAt;
    private int edits;
    private int creates;
    private int editsMade;
    private int createsMade;

    GithubChurn(GithubSample sample, Random random) {
        this.sample = sample;
        this.random = random;
    }

    /**
     * After every {@code everyNthPage}-th listing page served from now on, in the listed
     * repository: edits {@code edits} distinct random issues or pull requests (a new title, so
     * {@code updated_at} becomes later than anything existing) and as many random comments, then
     * creates {@code creates} issues and pull requests (every second one), a comment on each and
     * a commit for each. Replaces an earlier setting; {@code everyNthPage} 0 turns it off.
     */
    public synchronized GithubChurn afterEveryListPage(int everyNthPage, int edits, int creates) {
        if (everyNthPage < 0 || edits < 0 || creates < 0) {
            throw new IllegalArgumentException("page interval, edits and creates must not be negative");
        }
        this.everyPages = everyNthPage;
        this.edits = edits;
        this.creates = creates;
        this.churnStartedAt = pagesServed;
        return this;
    }

    /** Runs {@code change} once, after the {@code nthPageFromNow}-th listing page served from now on (1 = the next). */
    public synchronized GithubChurn afterListPage(int nthPageFromNow, Consumer<GithubSample> change) {
        if (nthPageFromNow < 1) {
            throw new IllegalArgumentException("nthPageFromNow must be at least 1");
        }
        scheduled.add(new Scheduled(pagesServed + nthPageFromNow, change));
        return this;
    }

    /** Ends the periodic changes and drops the scheduled ones. */
    public synchronized GithubChurn stop() {
        everyPages = 0;
        scheduled.clear();
        return this;
    }

    /** Items and comments edited by the periodic changes so far. */
    public synchronized int editsMade() {
        return editsMade;
    }

    /** Issues and pull requests created by the periodic changes so far. */
    public synchronized int createsMade() {
        return createsMade;
    }

    /** Called with each listing page of {@code repository} about to be sent. */
    synchronized void pageServed(String repository) {
        pagesServed++;
        if (everyPages > 0 && (pagesServed - churnStartedAt) % everyPages == 0) {
            change(repository);
        }
        List<Scheduled> due = scheduled.stream().filter(s -> s.page() <= pagesServed).toList();
        scheduled.removeAll(due);
        due.forEach(s -> s.change().accept(sample));
    }

    private void change(String repository) {
        List<GithubIssue> items = new ArrayList<>(sample.listing(repository));
        for (int i = 0; i < edits && !items.isEmpty(); i++) {
            GithubIssue item = items.remove(random.nextInt(items.size()));
            sample.updateIssue(repository, item.number(), item.title() + " (edited)");
            editsMade++;
        }
        List<GithubComment> comments = new ArrayList<>(sample.comments(repository));
        for (int i = 0; i < edits && !comments.isEmpty(); i++) {
            GithubComment comment = comments.remove(random.nextInt(comments.size()));
            sample.updateComment(repository, comment.id(), comment.body() + " (edited)");
            editsMade++;
        }
        if (creates > 0) {
            sample.generateIssues(repository, creates, 2);
            sample.generateComments(repository, creates);
            sample.generateCommits(repository, creates);
            createsMade += creates;
        }
    }
}
