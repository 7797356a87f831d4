package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Jira behaviour beyond the shared contract, against the sample source over real HTTP. */
class JiraConnectorTest {

    private SampleSource source;

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        source.jira().addProject("WID", "Widgets").addProject("OPS", "Operations").addProject("HR", "People");
        source.jira().generateIssues("WID", 30);
        source.jira().generateIssues("OPS", 3);
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    @Test
    void completesATruncatedCloudChangelogThroughThePagedChangelogEndpoint() {
        int total = source.jira().cycle("WID-2", 150).histories().size();

        JsonNode issue = issue(run(JiraFixtures.cloud(source, 50, "WID"), "jira_issues", "WID"), "WID-2");

        assertThat(issue.get("changelog").get("total").asInt()).isEqualTo(total);
        assertThat(issue.get("changelog").get("histories")).hasSize(total);
        assertThat(issue.get("changelog").get("histories").get(total - 1).get("items").get(0).get("toString").asString())
                .isEqualTo(source.jira().issue("WID-2").status().name());
        assertThat(source.requests().count("/jira/rest/api/3/issue/WID-2/changelog")).isEqualTo(2);
        assertThat(source.requests().count("/jira/rest/api/3/issue/WID-3/changelog")).isZero();
    }

    @Test
    void completesATruncatedDataCenterChangelogFromTheIssueItself() {
        int total = source.jira().cycle("WID-2", 150).histories().size();

        JsonNode issue = issue(run(JiraFixtures.dataCenter(source, 50, "WID"), "jira_issues", "WID"), "WID-2");

        assertThat(issue.get("changelog").get("histories")).hasSize(total);
        assertThat(issue.get("fields").get("summary").asString()).isEqualTo(source.jira().issue("WID-2").summary());
        assertThat(source.requests().count("/jira-dc/rest/api/2/issue/WID-2")).isEqualTo(1);
    }

    @Test
    void searchesCloudOnlyThroughTheEnhancedSearchNeverTheRemovedEndpoint() {
        RecordingSink sink = run(JiraFixtures.cloud(source, 10, "WID"), "jira_issues", "WID");

        assertThat(sink.externalIds()).hasSize(30).doesNotHaveDuplicates();
        // keyset pages: each starts again with the previous page's last issue, so 30 issues take 10 + 9 + 9 + 3
        assertThat(source.requests().count("/jira/rest/api/3/search/jql")).isEqualTo(4);
        assertThat(source.requests().count("/jira/rest/api/3/search")).isZero();
        assertThat(source.requests().count("/jira/rest/api/2/search")).isZero();
    }

    @Test
    void aNoChangeIncrementalResyncMakesOneSearchRequestWhereTheFullSyncMadeOnePerPage() {
        for (ObjectNode config : List.of(JiraFixtures.cloud(source, 10, "WID"), JiraFixtures.dataCenter(source, 10, "WID"))) {
            String search = config.path("deployment").asString().equals("cloud") ? "/jira/rest/api/3/search/jql"
                    : "/jira-dc/rest/api/2/search";
            RecordingSink full = RecordingSink.all();
            try (Connector connector = JiraFixtures.connector(config)) {
                connector.extract(new ExtractRequest("jira_issues", "WID", SyncMode.INCREMENTAL, Map.of(), Map.of(),
                        Instant.now()), full);
            }
            long fullRequests = source.requests().count(search);

            RecordingSink again = RecordingSink.all();
            try (Connector connector = JiraFixtures.connector(config)) {
                connector.extract(new ExtractRequest("jira_issues", "WID", SyncMode.INCREMENTAL, full.committedCursor(),
                        Map.of(), Instant.now()), again);
            }

            assertThat(fullRequests).as(search + ": 10 + 9 + 9 + 3 issues, each page repeating one").isEqualTo(4);
            assertThat(source.requests().count(search) - fullRequests).as(search).isEqualTo(1);
            assertThat(again.externalIds()).as("only issues inside the overlap are read again").hasSizeLessThan(10);
            assertThat(again.committedCursor()).isEqualTo(full.committedCursor());
        }
    }

    @Test
    void keepsCloudDescriptionsAsAtlassianDocumentsAndDataCenterOnesAsText() {
        JsonNode cloud = issue(run(JiraFixtures.cloud(source, 50, "OPS"), "jira_issues", "OPS"), "OPS-1");
        JsonNode dc = issue(run(JiraFixtures.dataCenter(source, 50, "OPS"), "jira_issues", "OPS"), "OPS-1");

        assertThat(cloud.get("fields").get("description").get("type").asString()).isEqualTo("doc");
        assertThat(dc.get("fields").get("description").asString()).isEqualTo(source.jira().issue("OPS-1").description());
    }

    @Test
    void extractsOnlyTheConfiguredProjectsOnBothDeployments() {
        assertThat(run(JiraFixtures.cloud(source, 50, "WID", "OPS"), "jira_projects", "").externalIds())
                .containsExactlyInAnyOrder("WID", "OPS");
        assertThat(run(JiraFixtures.dataCenter(source, 50, "WID", "OPS"), "jira_projects", "").externalIds())
                .containsExactlyInAnyOrder("WID", "OPS");
    }

    @Test
    void extractsEveryWorkflowStatusWithItsCategory() {
        RecordingSink sink = run(JiraFixtures.dataCenter(source, 50, "WID"), "jira_statuses", "");

        assertThat(sink.records()).extracting(r -> r.data().get("name").asString())
                .containsExactly("To Do", "In Progress", "In Review", "Done");
        assertThat(sink.records().get(3).data().get("statusCategory").get("key").asString()).isEqualTo("done");
        assertThat(sink.lastPage().last()).isTrue();
    }

    @Test
    void waitsTheSecondsJiraAsksForInRetryAfterAndCarriesOn() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        source.jira().faults().rateLimit(1, Duration.ofSeconds(7));

        RecordingSink sink = RecordingSink.all();
        try (Connector connector = JiraFixtures.connector(JiraFixtures.cloud(source, 50, "WID"), JiraFixtures.TOKEN,
                waits::add)) {
            connector.extract(request("jira_issues", "WID"), sink);
        }

        assertThat(sink.externalIds()).hasSize(30);
        assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(6),
                Duration.ofSeconds(9)));
    }

    @Test
    void reportsAProjectItCannotSeeAsNotFoundInTheConnectionTest() {
        try (Connector good = JiraFixtures.connector(JiraFixtures.dataCenter(source, 50, "WID", "OPS"));
                Connector missing = JiraFixtures.connector(JiraFixtures.cloud(source, 50, "WID", "NOPE"))) {
            ConnectionCheck ok = good.testConnection();
            ConnectionCheck notFound = missing.testConnection();

            assertThat(ok.ok()).isTrue();
            assertThat(ok.message()).contains("WID, OPS");
            assertThat(notFound.outcome()).isEqualTo(ConnectionCheck.Outcome.NOT_FOUND);
            assertThat(notFound.message()).contains("NOPE");
        }
    }

    private RecordingSink run(ObjectNode config, String entity, String scope) {
        RecordingSink sink = RecordingSink.all();
        try (Connector connector = JiraFixtures.connector(config)) {
            connector.extract(request(entity, scope), sink);
        }
        return sink;
    }

    private static ExtractRequest request(String entity, String scope) {
        return new ExtractRequest(entity, scope, SyncMode.FULL, Map.of(), Map.of(), Instant.now());
    }

    private static JsonNode issue(RecordingSink sink, String key) {
        return sink.records().stream().filter(r -> r.externalId().equals(key)).map(SourceRecord::data).findFirst()
                .orElseThrow();
    }
}
