package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.github.GithubIssue;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitHub-specific extraction behaviour against the sample source over real HTTP. */
class GithubConnectorTest {

    private static final String REPO = "acme/widgets";
    private static final String ISSUES_PATH = "/repos/acme/widgets/issues";

    private SampleSource source;

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        source.github().addRepository(REPO);
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    @Test
    void pagesThroughAllIssuesFollowingLinkHeaders() {
        source.github().generateIssues(REPO, 250, 0);

        RecordingSink sink = extract(SyncMode.FULL, Map.of());

        List<GithubIssue> oldestFirst = source.github().issues(REPO).stream()
                .sorted(Comparator.comparing(GithubIssue::updatedAt).thenComparing(GithubIssue::number)).toList();
        assertThat(sink.externalIds()).containsExactlyElementsOf(oldestFirst.stream()
                .map(issue -> REPO + "#" + issue.number()).toList());
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(3);
        // Each page after the first asks since the last change read, a second early, so it starts
        // with that item again (dropped): the second page brings 99 new items.
        String since = oldestFirst.get(99).updatedAt().minusSeconds(1).toString();
        assertThat(sink.pages()).extracting(page -> page.request().pageCursor())
                .containsExactly("1", "since=" + since, "since=" + oldestFirst.get(198).updatedAt().minusSeconds(1));
        assertThat(sink.pages().get(0).checkpoint().get("next_url")).endsWith("&since=" + since).doesNotContain("&page=");
        assertThat(sink.lastPage().checkpoint()).isEmpty();
    }

    @Test
    void keepsTheCompleteIssueObjectAndItsUpdatedAt() {
        GithubIssue issue = source.github().generateIssues(REPO, 1, 0).get(0);

        SourceRecord record = extract(SyncMode.FULL, Map.of()).records().get(0);

        assertThat(record.externalId()).isEqualTo("acme/widgets#1");
        assertThat(record.updatedAt()).isEqualTo(issue.updatedAt());
        assertThat(record.data().get("title").asString()).isEqualTo(issue.title());
        assertThat(record.data().has("reactions")).isTrue();
    }

    @Test
    void skipsPullRequestsListedAmongIssues() {
        source.github().generateIssues(REPO, 250, 5);

        RecordingSink sink = extract(SyncMode.FULL, Map.of());

        assertThat(sink.records()).hasSize(200).noneMatch(r -> r.data().has("pull_request"));
        assertThat(sink.externalIds()).doesNotContain("acme/widgets#5", "acme/widgets#250");
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(3);
    }

    @Test
    void incrementalRunFetchesOnlyIssuesChangedSinceTheCursorMinusTheOverlap() {
        source.github().generateIssues(REPO, 250, 0);
        Map<String, String> cursor = extract(SyncMode.INCREMENTAL, Map.of()).committedCursor();
        for (int number : new int[] {3, 50, 99, 180, 201}) {
            source.github().updateIssue(REPO, number, "Changed " + number);
        }
        source.requests().reset();

        RecordingSink incremental = extract(SyncMode.INCREMENTAL, cursor);

        Instant since = Instant.parse(cursor.get("updated_at")).minusSeconds(60);
        List<String> expected = source.github().issues(REPO).stream().filter(i -> !i.updatedAt().isBefore(since))
                .map(i -> REPO + "#" + i.number()).toList();
        assertThat(incremental.externalIds()).containsExactlyInAnyOrderElementsOf(expected)
                .contains("acme/widgets#3", "acme/widgets#50", "acme/widgets#99", "acme/widgets#180", "acme/widgets#201")
                .hasSizeLessThan(10);
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(1);
        assertThat(incremental.pages().get(0).request().params()).containsEntry("since", since.toString());
        assertThat(incremental.committedCursor().get("updated_at"))
                .isEqualTo(source.github().issue(REPO, 201).updatedAt().toString());
    }

    @Test
    void rereadsIssuesInsideTheOverlapWindowBeforeTheCursor() {
        GithubIssue boundary = source.github().generateIssues(REPO, 10, 0).get(4);
        Map<String, String> cursor = Map.of("updated_at", boundary.updatedAt().plusSeconds(30).toString());

        RecordingSink incremental = extract(SyncMode.INCREMENTAL, cursor);

        assertThat(incremental.externalIds()).contains("acme/widgets#5");
    }

    @Test
    void carriesTheIncomingCursorForwardWhenNothingChanged() {
        Map<String, String> cursor = Map.of("updated_at", "2030-01-01T00:00:00Z");
        source.github().generateIssues(REPO, 3, 0);

        RecordingSink sink = extract(SyncMode.INCREMENTAL, cursor);

        assertThat(sink.pages()).hasSize(1);
        assertThat(sink.records()).isEmpty();
        assertThat(sink.lastPage().last()).isTrue();
        assertThat(sink.committedCursor()).isEqualTo(cursor);
    }

    @Test
    void resumesFromTheCheckpointsNextUrlWithoutRefetchingEarlierPages() {
        source.github().generateIssues(REPO, 250, 0);
        RecordingSink first = RecordingSink.stoppingAfter(1);
        try (Connector connector = connector()) {
            connector.extract(request(SyncMode.FULL, Map.of(), Map.of()), first);
        }
        source.requests().reset();

        RecordingSink resumed = RecordingSink.all();
        try (Connector connector = connector()) {
            connector.extract(request(SyncMode.FULL, Map.of(), first.lastPage().checkpoint()), resumed);
        }

        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(2);
        assertThat(resumed.pages()).extracting(page -> page.request().pageCursor())
                .allSatisfy(position -> assertThat(position).startsWith("since=")).hasSize(2);
        // The checkpoint names what was read in its last second: nothing is emitted twice.
        assertThat(resumed.records()).hasSize(150);
        assertThat(resumed.externalIds()).doesNotContainAnyElementsOf(first.externalIds());
        assertThat(resumed.committedCursor()).containsEntry("updated_at", source.github().issues(REPO).stream()
                .map(GithubIssue::updatedAt).max(Comparator.naturalOrder()).orElseThrow().toString());
    }

    @Test
    void refusesToResumeFromAUrlOutsideTheBaseUrl() {
        source.github().generateIssues(REPO, 1, 0);
        Map<String, String> checkpoint = Map.of("next_url", "https://evil.example/repos/acme/widgets/issues?page=2");

        try (Connector connector = connector()) {
            assertThatThrownBy(() -> connector.extract(request(SyncMode.FULL, Map.of(), checkpoint), RecordingSink.all()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isFalse());
        }
        assertThat(source.requests().total()).isZero();
    }

    @Test
    void failsPermanentlyForARepositoryThatDoesNotExist() {
        try (Connector connector = GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), "acme/missing"),
                SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant())) {
            assertThatThrownBy(() -> connector.extract(new ExtractRequest("github_issues", "acme/missing", SyncMode.FULL,
                    Map.of(), Map.of(), Instant.now()), RecordingSink.all()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.retriable()).isFalse();
                        assertThat(e).hasMessageContaining("404");
                    });
        }
        assertThat(source.requests().total()).isEqualTo(1);
    }

    @Test
    void scopesAreTheConfiguredRepositories() {
        try (Connector connector = GithubFixtures.connector(
                GithubFixtures.config(source.githubBaseUrl(), "acme/widgets", "acme/gadgets"), "t", RecordingSleeper.instant())) {
            assertThat(connector.type()).isEqualTo("github");
            assertThat(connector.scopes("github_issues")).containsExactly("acme/widgets", "acme/gadgets");
        }
    }

    private RecordingSink extract(SyncMode mode, Map<String, String> cursor) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = connector()) {
            connector.extract(request(mode, cursor, Map.of()), sink);
        }
        return sink;
    }

    private Connector connector() {
        return GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO),
                SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant());
    }

    private static ExtractRequest request(SyncMode mode, Map<String, String> cursor, Map<String, String> resumeFrom) {
        return new ExtractRequest("github_issues", REPO, mode, cursor, resumeFrom, Instant.now());
    }
}
