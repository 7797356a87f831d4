package io.etlfleet.sample.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fake Jira's changes between search pages, moves and imports, seen over HTTP. */
class JiraChurnTest {

    private static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (SampleSourceOptions.DEFAULT_JIRA_EMAIL + ":" + SampleSourceOptions.DEFAULT_TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String BEARER = "Bearer " + SampleSourceOptions.DEFAULT_TOKEN;
    private static final String BY_UPDATED = "project = WID ORDER BY updated ASC, key ASC";
    private SampleSource source;
    private JiraSample jira;

    @BeforeEach
    void start() {
        source = SampleSource.start(SampleSourceOptions.builder().jiraProjects(List.of("WID", "OPS")).jiraIssuesPerProject(30)
                .build());
        jira = source.jira();
    }

    @AfterEach
    void stop() {
        source.close();
    }

    @Test
    void editsAndCreatesIssuesOfTheSearchedProjectAfterEveryNthPageBeforeTheNextRequest() {
        Instant before = jira.now();
        jira.churn().afterEverySearchPage(2, 3, 1);

        JsonNode first = dcSearch(BY_UPDATED, 0, 10);
        List<JiraIssue> changedAfterFirst = changedSince(before);
        JsonNode second = dcSearch(BY_UPDATED, 10, 10);

        assertThat(first.get("total").asInt()).isEqualTo(30);
        assertThat(changedAfterFirst).as("only every 2nd page").isEmpty();
        assertThat(second.get("total").asInt()).as("the change comes after the page is built").isEqualTo(30);
        assertThat(changedSince(before)).extracting(JiraIssue::key).hasSize(4)
                .containsAll(jira.churn().editedKeys()).containsAll(jira.churn().createdKeys());
        assertThat(jira.churn().editedKeys()).hasSize(3).doesNotHaveDuplicates().allMatch(key -> key.startsWith("WID-"));
        assertThat(jira.churn().createdKeys()).containsExactly("WID-31");
        assertThat(jira.issues("OPS")).allMatch(issue -> !issue.updated().isAfter(before));
        assertThat(dcSearch(BY_UPDATED, 0, 50).get("total").asInt()).isEqualTo(31);
        assertThat(jira.churn().searchPagesServed()).isEqualTo(3);
    }

    @Test
    void runsAScheduledChangeOnceAfterItsPageAndStopsOnRequest() {
        jira.churn().afterSearchPage(2, sample -> sample.updateIssue("WID-1", "once"));
        jira.churn().afterEverySearchPage(1, 1, 0);

        dcSearch(BY_UPDATED, 0, 5);
        assertThat(jira.issue("WID-1").summary()).isNotEqualTo("once");
        dcSearch(BY_UPDATED, 5, 5);
        jira.updateIssue("WID-1", "after");
        jira.churn().stop();
        dcSearch(BY_UPDATED, 10, 5);

        assertThat(jira.issue("WID-1").summary()).isEqualTo("after");
        assertThat(jira.churn().editedKeys()).hasSize(2);
    }

    @Test
    void aMovedIssueKeepsItsIdLeavesItsProjectsSearchAndStillAnswersToItsOldKey() {
        JiraIssue before = jira.issue("WID-3");

        JiraIssue moved = jira.moveIssue("WID-3", "OPS");

        assertThat(moved.key()).isEqualTo("OPS-31");
        assertThat(moved.id()).isEqualTo(before.id());
        assertThat(moved.updated()).isAfter(jira.issues("OPS").get(29).updated());
        assertThat(keys(dcSearch(BY_UPDATED, 0, 50))).hasSize(29).doesNotContain("WID-3");
        assertThat(keys(dcSearch("project = OPS ORDER BY updated ASC", 0, 50))).endsWith("OPS-31");
        for (String url : List.of(source.jiraCloudBaseUrl() + "/rest/api/3/issue/WID-3",
                source.jiraDataCenterBaseUrl() + "/rest/api/2/issue/WID-3")) {
            HttpResponse<String> old = JiraHttp.get(url, url.contains("/api/3/") ? BASIC : BEARER);
            assertThat(old.statusCode()).isEqualTo(200);
            assertThat(JiraHttp.json(old).get("key").asString()).isEqualTo("OPS-31");
            assertThat(JiraHttp.json(old).get("id").asString()).isEqualTo(Long.toString(before.id()));
        }
        assertThat(jira.generateIssues("WID", 1).get(0).key()).as("keys are never reused").isEqualTo("WID-31");
    }

    @Test
    void repeatsThePreviousPagesLastIssueFirstAndShiftsTheRestOfThatDataCenterQuery() {
        List<String> keys = new ArrayList<>(keys(dcSearch(BY_UPDATED, 0, 10)));
        jira.churn().repeatLastIssueOnNextPage();

        JsonNode second = dcSearch(BY_UPDATED, 10, 10);
        keys.addAll(keys(second));
        for (int startAt = 20; startAt < second.get("total").asInt(); startAt += 10) {
            keys.addAll(keys(dcSearch(BY_UPDATED, startAt, 10)));
        }

        assertThat(second.get("total").asInt()).isEqualTo(31);
        assertThat(keys(second).get(0)).isEqualTo(keys.get(9));
        assertThat(keys).hasSize(31);
        assertThat(Map.copyOf(keys.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))))
                .hasSize(30).containsEntry(keys.get(9), 2L);
    }

    @Test
    void repeatsThePreviousPagesLastIssueFirstOnTheNextCloudPageAndLosesNoneBehindTheToken() {
        List<String> keys = new ArrayList<>();
        JsonNode page = cloudSearch(BY_UPDATED, null);
        keys.addAll(keys(page));
        jira.churn().repeatLastIssueOnNextPage();
        while (!page.get("isLast").asBoolean()) {
            page = cloudSearch(BY_UPDATED, page.get("nextPageToken").asString());
            keys.addAll(keys(page));
        }

        assertThat(keys).hasSize(31).containsAll(jira.issues("WID").stream().map(JiraIssue::key).toList());
        assertThat(keys.get(10)).isEqualTo(keys.get(9));
    }

    @Test
    void importsIssuesThatShareOneUpdatedMillisecond() {
        List<JiraIssue> imported = jira.importIssues("OPS", 12);

        assertThat(imported).extracting(JiraIssue::updated).containsOnly(imported.get(0).updated());
        assertThat(imported).extracting(JiraIssue::key).startsWith("OPS-31", "OPS-32").endsWith("OPS-42");
        assertThat(imported.get(0).updated()).isAfter(jira.issue("OPS-30").updated());
        assertThat(keys(dcSearch("project = OPS AND updated >= " + imported.get(0).updated().toEpochMilli()
                + " ORDER BY updated ASC, key DESC", 0, 50))).first().isEqualTo("OPS-42");
    }

    private List<JiraIssue> changedSince(Instant instant) {
        return jira.issues("WID").stream().filter(issue -> issue.updated().isAfter(instant)).toList();
    }

    private JsonNode dcSearch(String jql, int startAt, int maxResults) {
        HttpResponse<String> response = JiraHttp.get(source.jiraDataCenterBaseUrl() + "/rest/api/2/search?jql=" + enc(jql)
                + "&startAt=" + startAt + "&maxResults=" + maxResults + "&fields=updated", BEARER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JiraHttp.json(response);
    }

    private JsonNode cloudSearch(String jql, String token) {
        HttpResponse<String> response = JiraHttp.get(source.jiraCloudBaseUrl() + "/rest/api/3/search/jql?jql=" + enc(jql)
                + "&maxResults=10&fields=updated" + (token == null ? "" : "&nextPageToken=" + enc(token)), BASIC);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JiraHttp.json(response);
    }

    private static List<String> keys(JsonNode body) {
        List<String> keys = new ArrayList<>();
        body.get("issues").forEach(issue -> keys.add(issue.get("key").asString()));
        return keys;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
