package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What re-syncing an unchanged source costs: a first full sync of every GitHub entity of two
 * repositories, then two incremental runs without changes. The first incremental run asks with
 * new {@code since} URLs (no ETag yet for those) except for the endpoints without {@code since};
 * from the second on, every request is answered 304 and GitHub's budget is not touched.
 */
class GithubResyncCostTest {

    private static final Logger log = LoggerFactory.getLogger(GithubResyncCostTest.class);
    private static final List<String> REPOSITORIES = List.of("acme/widgets", "acme/gadgets");

    private SampleSource source;
    private final ConnectorServices services = ConnectorServices.local();
    private final Map<String, Map<String, String>> cursors = new HashMap<>();

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().githubRepositories(REPOSITORIES)
                .issuesPerRepository(250).everyNthIsPullRequest(5).commitsPerRepository(250).commentsPerRepository(250)
                .build());
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    @Test
    void aNoChangeResyncCostsNoBudgetOnceEveryUrlHasAnEtag() throws IOException {
        Cost full = sync(SyncMode.FULL);
        Cost first = sync(SyncMode.INCREMENTAL);
        Cost second = sync(SyncMode.INCREMENTAL);

        log.info("GitHub re-sync cost (2 repositories, 5 entities): full sync {}; first no-change incremental {};"
                + " second no-change incremental {}", full, first, second);
        assertThat(full.notModified()).isZero();
        assertThat(first.records()).isLessThan(full.records());
        assertThat(second.records()).isZero();
        assertThat(second.notModified()).isEqualTo(second.requests());
        assertThat(second.budgetUsed()).isZero();
        assertThat(second.requests()).isLessThan(full.requests());
    }

    private Cost sync(SyncMode mode) throws IOException {
        long usedBefore = budgetUsed();
        long requestsBefore = source.requests().total();
        long records = 0;
        long notModified = 0;
        try (Connector connector = GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(),
                REPOSITORIES.toArray(String[]::new)), SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant(),
                services)) {
            for (String entity : connector.entityTypes()) {
                for (String scope : connector.scopes(entity)) {
                    String key = entity + " " + scope;
                    RecordingSink sink = RecordingSink.all();
                    connector.extract(new ExtractRequest(entity, scope, mode, cursors.getOrDefault(key, Map.of()),
                            Map.of(), Instant.now()), sink);
                    cursors.put(key, sink.committedCursor());
                    records += sink.records().size();
                    notModified += sink.pages().stream().mapToLong(p -> p.counts().getOrDefault(Page.NOT_MODIFIED, 0L)).sum();
                }
            }
        }
        return new Cost(source.requests().total() - requestsBefore, notModified, budgetUsed() - usedBefore, records);
    }

    private long budgetUsed() throws IOException {
        Request request = new Request.Builder().url(source.githubBaseUrl() + "/rate_limit")
                .header("Authorization", "Bearer " + SampleSourceOptions.DEFAULT_TOKEN).build();
        try (Response response = GithubFixtures.HTTP.newCall(request).execute()) {
            return GithubFixtures.JSON.readTree(response.body().string()).path("resources").path("core").path("used").asLong();
        }
    }

    record Cost(long requests, long notModified, long budgetUsed, long records) {
        @Override
        public String toString() {
            return requests + " requests (" + notModified + " answered 304), " + budgetUsed + " counted by GitHub, "
                    + records + " records";
        }
    }
}
