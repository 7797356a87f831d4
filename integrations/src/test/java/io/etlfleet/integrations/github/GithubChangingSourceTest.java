package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.github.GithubComment;
import io.etlfleet.sample.github.GithubCommit;
import io.etlfleet.sample.github.GithubIssue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every GitHub listing against a sample source that changes between the page requests: items
 * edited (moving them in an updated-ordered listing) and created after every page, deleted and
 * transferred issues, a renamed repository and a page past the end answering 422. A full run
 * followed by one incremental run must have read every item's newest version.
 */
class GithubChangingSourceTest {

    private static final String REPO = "acme/widgets";

    private SampleSource source;

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        source.github().addRepository(REPO).addRepository("acme/gadgets");
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    @Test
    void issuesEditedAndCreatedBetweenPagesAreAllReadAtTheirNewestVersion() {
        source.github().generateIssues(REPO, 450, 4);
        source.github().churn().afterEveryListPage(1, 3, 2);

        List<SourceRecord> read = fullThenIncremental("github_issues");

        assertThat(source.github().churn().editsMade()).isGreaterThan(10);
        assertNewestVersions(read, source.github().issues(REPO).stream()
                .collect(HashMap::new, (m, i) -> m.put(REPO + "#" + i.number(), i.updatedAt()), Map::putAll));
    }

    @Test
    void pullRequestsEditedAndCreatedBetweenPagesAreAllReadAtTheirNewestVersion() {
        source.github().generateIssues(REPO, 450, 1);
        source.github().churn().afterEveryListPage(1, 3, 2);

        List<SourceRecord> read = fullThenIncremental("github_pull_requests");

        assertNewestVersions(read, source.github().pullRequests(REPO).stream()
                .collect(HashMap::new, (m, i) -> m.put(REPO + "#" + i.number(), i.updatedAt()), Map::putAll));
    }

    @Test
    void issueCommentsEditedAndCreatedBetweenPagesAreAllReadAtTheirNewestVersion() {
        source.github().generateIssues(REPO, 40, 3);
        source.github().generateComments(REPO, 450);
        source.github().churn().afterEveryListPage(1, 3, 2);

        List<SourceRecord> read = fullThenIncremental("github_issue_comments");

        assertNewestVersions(read, source.github().comments(REPO).stream()
                .collect(HashMap::new, (m, c) -> m.put(Long.toString(c.id()), c.updatedAt()), Map::putAll));
    }

    @Test
    void commitsPushedBetweenPagesAreAllRead() {
        source.github().generateIssues(REPO, 5, 0);
        source.github().generateCommits(REPO, 450);
        source.github().churn().afterEveryListPage(1, 0, 2);

        List<SourceRecord> read = fullThenIncremental("github_commits");

        assertThat(read).extracting(SourceRecord::externalId).containsAll(
                source.github().commits(REPO).stream().map(GithubCommit::sha).toList());
        assertThat(source.github().commits(REPO)).hasSizeGreaterThan(450);
    }

    @Test
    void issuesDeletedOrTransferredBetweenPagesSkipNoOtherIssue() {
        List<GithubIssue> issues = source.github().generateIssues(REPO, 250, 0);
        // Taken from the first page once it is served: an offset listing would shift by ten.
        List<GithubIssue> firstPage = issues.stream().sorted(Comparator.comparing(GithubIssue::updatedAt)).limit(100).toList();
        source.github().churn().afterListPage(1, github -> {
            for (int i = 0; i < 10; i += 2) {
                github.deleteIssue(REPO, firstPage.get(i * 9).number());
                github.transferIssue(REPO, firstPage.get(i * 9 + 1).number(), "acme/gadgets");
            }
        });

        RecordingSink full = run("github_issues", SyncMode.FULL, Map.of());

        Set<String> expected = new HashSet<>();
        source.github().issues(REPO).forEach(issue -> expected.add(REPO + "#" + issue.number()));
        assertThat(expected).hasSize(240);
        assertThat(full.externalIds()).doesNotHaveDuplicates().containsAll(expected).hasSize(250);
    }

    @Test
    void commentsOfIssuesDeletedBetweenPagesSkipNoOtherComment() {
        List<GithubIssue> issues = source.github().generateIssues(REPO, 30, 0);
        List<GithubComment> comments = source.github().generateComments(REPO, 250);
        // Comments go round the issues: the first page holds comments of every issue.
        source.github().churn().afterListPage(1, github -> issues.subList(0, 3)
                .forEach(issue -> github.deleteIssue(REPO, issue.number())));

        RecordingSink full = run("github_issue_comments", SyncMode.FULL, Map.of());

        Set<String> remaining = new HashSet<>();
        source.github().comments(REPO).forEach(comment -> remaining.add(Long.toString(comment.id())));
        assertThat(remaining).hasSizeLessThan(comments.size());
        assertThat(full.externalIds()).doesNotHaveDuplicates().containsAll(remaining);
    }

    @Test
    void aRepositoryRenamedBetweenPagesIsFollowedToItsNewLocation() {
        source.github().generateIssues(REPO, 250, 0);
        source.github().churn().afterListPage(1, github -> github.renameRepository(REPO, "acme/gizmos"));

        RecordingSink full = run("github_issues", SyncMode.FULL, Map.of());

        // External ids keep the configured name, so the warehouse rows stay the same rows.
        assertThat(full.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                source.github().issues("acme/gizmos").stream().map(issue -> REPO + "#" + issue.number()).toList());
        // One 301 from the old name, then the keyset goes on from where GitHub answered.
        assertThat(source.requests().count("/repos/acme/widgets/issues")).isEqualTo(2);
        assertThat(full.pages().get(2).request().endpoint()).startsWith("/repositories/");
    }

    @Test
    void aRenamedRepositoryIsReadUnderItsNewName() {
        source.github().renameRepository(REPO, "acme/gizmos");

        RecordingSink sink = run("github_repositories", SyncMode.FULL, Map.of());

        assertThat(sink.records()).singleElement().satisfies(record -> {
            assertThat(record.externalId()).isEqualTo("acme/gizmos");
            assertThat(record.data().get("full_name").asString()).isEqualTo("acme/gizmos");
        });
    }

    @Test
    void aNextPageThatAnswers422BecauseTheListingShrankEndsTheRunWithNothingLost() {
        source.github().answerPagesPastTheEndWith422(true);
        List<GithubIssue> pulls = source.github().generateIssues(REPO, 250, 1);
        List<GithubIssue> oldest = pulls.stream().sorted(Comparator.comparing(GithubIssue::updatedAt)).limit(50).toList();
        // Once the second page is served, the third page is past the end.
        source.github().churn().afterListPage(2, github -> oldest.forEach(pr -> github.deleteIssue(REPO, pr.number())));

        RecordingSink full = run("github_pull_requests", SyncMode.FULL, Map.of());

        assertThat(full.externalIds()).containsAll(source.github().pullRequests(REPO).stream()
                .map(pr -> REPO + "#" + pr.number()).toList());
        assertThat(full.lastPage().checkpoint()).isEmpty();
        assertThat(full.lastPage().request().pageCursor()).isEqualTo("2");
    }

    private List<SourceRecord> fullThenIncremental(String entity) {
        RecordingSink full = run(entity, SyncMode.FULL, Map.of());
        source.github().churn().stop();
        RecordingSink incremental = run(entity, SyncMode.INCREMENTAL, full.committedCursor());
        assertThat(full.pages().size()).as("pages of the full run").isGreaterThan(4);
        return Stream.concat(full.records().stream(), incremental.records().stream()).toList();
    }

    /** Each expected id was read, and the last version read of it is the source's current one. */
    private static void assertNewestVersions(List<SourceRecord> read, Map<String, Instant> expected) {
        Map<String, Instant> lastRead = new HashMap<>();
        List<String> missing = new ArrayList<>();
        read.forEach(record -> lastRead.merge(record.externalId(), record.updatedAt(),
                (a, b) -> a.isAfter(b) ? a : b));
        expected.forEach((id, updatedAt) -> {
            if (!updatedAt.equals(lastRead.get(id))) {
                missing.add(id + " at " + updatedAt + " (read: " + lastRead.get(id) + ")");
            }
        });
        assertThat(missing).as("items whose newest version was not read").isEmpty();
        assertThat(expected).hasSizeGreaterThan(200);
    }

    private RecordingSink run(String entity, SyncMode mode, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO),
                SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant())) {
            connector.extract(new ExtractRequest(entity, REPO, mode, cursor, Map.of(), Instant.now()), sink);
        }
        return sink;
    }
}
