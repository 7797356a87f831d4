package io.etlfleet.sample.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JiraApiTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (SampleSourceOptions.DEFAULT_JIRA_EMAIL + ":" + SampleSourceOptions.DEFAULT_TOKEN).getBytes(StandardCharsets.UTF_8));
    private static final String BEARER = "Bearer " + SampleSourceOptions.DEFAULT_TOKEN;
    private SampleSource source;

    @BeforeEach
    void start() {
        source = SampleSource.start(SampleSourceOptions.builder().jiraProjects(List.of("WID")).jiraIssuesPerProject(30).build());
    }

    @AfterEach
    void stop() {
        source.close();
    }

    @Test
    void cloudAcceptsOnlyBasicEmailAndApiTokenAndAnswersOthersLikeJira() {
        HttpResponse<String> bearer = JiraHttp.get(cloud("/rest/api/3/myself"), BEARER);
        HttpResponse<String> basic = JiraHttp.get(cloud("/rest/api/3/myself"), BASIC);

        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).isEqualTo("{\"errorMessages\":[\"You are not authenticated. "
                + "Authentication required to perform this operation.\"],\"errors\":{}}");
        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(JiraHttp.json(basic).get("emailAddress").asString()).isEqualTo(SampleSourceOptions.DEFAULT_JIRA_EMAIL);
    }

    @Test
    void dataCenterAcceptsOnlyTheBearerPersonalAccessToken() {
        assertThat(JiraHttp.get(dc("/rest/api/2/myself"), BASIC).statusCode()).isEqualTo(401);
        assertThat(JiraHttp.get(dc("/rest/api/2/myself"), BEARER).statusCode()).isEqualTo(200);
    }

    @Test
    void answersTheRemovedCloudSearchWithGone() {
        HttpResponse<String> response = JiraHttp.get(cloud("/rest/api/3/search?jql=project%3DWID"), BASIC);

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(JiraHttp.json(response).get("errorMessages").get(0).asString()).startsWith("The requested API has been removed");
    }

    @Test
    void enhancedSearchPagesWithTokensUntilIsLastAndReturnsOnlyIdsByDefault() {
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        JsonNode body;
        do {
            String url = cloud("/rest/api/3/search/jql?jql=" + enc("project = WID ORDER BY updated ASC") + "&maxResults=12"
                    + (token == null ? "" : "&nextPageToken=" + enc(token)));
            body = JiraHttp.json(JiraHttp.get(url, BASIC));
            body.get("issues").forEach(issue -> {
                assertThat(issue.has("fields")).isFalse();
                ids.add(issue.get("id").asString());
            });
            token = body.path("nextPageToken").isString() ? body.get("nextPageToken").asString() : null;
            pages++;
        } while (!body.get("isLast").asBoolean());

        assertThat(pages).isEqualTo(3);
        assertThat(token).isNull();
        assertThat(ids).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void filtersByUpdatedGivenInEpochMillisecondsAndRejectsWhatItCannotParse() {
        JiraIssue tenth = source.jira().issues("WID").get(9);
        String jql = "project = WID AND updated >= " + tenth.updated().toEpochMilli() + " ORDER BY updated ASC";

        JsonNode body = JiraHttp.json(JiraHttp.get(dc("/rest/api/2/search?jql=" + enc(jql) + "&maxResults=100"), BEARER));
        HttpResponse<String> bad = JiraHttp.get(dc("/rest/api/2/search?jql=" + enc("project WID")), BEARER);
        HttpResponse<String> unbounded = JiraHttp.get(cloud("/rest/api/3/search/jql?jql=" + enc("ORDER BY updated")), BASIC);

        assertThat(body.get("total").asInt()).isEqualTo(21);
        assertThat(body.get("issues").get(0).get("key").asString()).isEqualTo("WID-10");
        assertThat(body.get("issues").get(0).get("fields").get("updated").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Error in the JQL Query").contains("\"errors\":{}");
        assertThat(unbounded.statusCode()).isEqualTo(400);
    }

    @Test
    void embedsAChangelogTruncatedAtAHundredAndServesTheRestPaged() {
        source.jira().cycle("WID-1", 130);
        String url = cloud("/rest/api/3/search/jql?jql=" + enc("project = WID") + "&fields=summary,description&expand=changelog"
                + "&maxResults=100");

        JsonNode issue = find(JiraHttp.json(JiraHttp.get(url, BASIC)).get("issues"), "WID-1");
        JsonNode page2 = JiraHttp.json(JiraHttp.get(cloud("/rest/api/3/issue/WID-1/changelog?startAt=100&maxResults=100"), BASIC));

        int total = source.jira().issue("WID-1").histories().size();
        assertThat(issue.get("changelog").get("total").asInt()).isEqualTo(total);
        assertThat(issue.get("changelog").get("histories")).hasSize(100);
        assertThat(issue.get("fields").get("description").get("type").asString()).isEqualTo("doc");
        assertThat(page2.get("values")).hasSize(total - 100);
        assertThat(page2.get("isLast").asBoolean()).isTrue();
        assertThat(page2.get("values").get(0).get("items").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void answersARateLimitFaultWithRetryAfter() {
        source.jira().faults().rateLimit(1, Duration.ofSeconds(3));

        HttpResponse<String> limited = JiraHttp.get(cloud("/rest/api/3/status"), BASIC);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("3");
        assertThat(JiraHttp.get(cloud("/rest/api/3/status"), BASIC).statusCode()).isEqualTo(200);
        assertThat(source.requests().count("/jira/rest/api/3/status")).isEqualTo(2);
    }

    private static JsonNode find(JsonNode issues, String key) {
        for (JsonNode issue : issues) {
            if (issue.get("key").asString().equals(key)) {
                return issue;
            }
        }
        throw new AssertionError("no " + key);
    }

    private String cloud(String path) {
        return source.jiraCloudBaseUrl() + path;
    }

    private String dc(String path) {
        return source.jiraDataCenterBaseUrl() + path;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
