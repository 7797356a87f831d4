package io.etlfleet.sample.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IssueListingTest {

    private static final String REPO = "acme/widgets";
    private static SampleSource source;
    private static String issuesUrl;

    @BeforeAll
    static void start() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        source.github().addRepository(REPO).generateIssues(REPO, 250, 5);
        issuesUrl = source.githubBaseUrl() + "/repos/" + REPO + "/issues";
    }

    @AfterAll
    static void stop() {
        source.close();
    }

    @Test
    void firstPageLinksToNextAndLastKeepingEveryQueryParameter() {
        HttpResponse<String> response = get("?state=all&per_page=100&sort=updated&direction=desc");

        String base = source.baseUrl() + "/repos/acme/widgets/issues?state=all&per_page=100&sort=updated&direction=desc";
        assertThat(response.headers().firstValue("link")).hasValue(
                "<" + base + "&page=2>; rel=\"next\", <" + base + "&page=3>; rel=\"last\"");
    }

    @Test
    void middlePageLinksToPrevNextLastAndFirstInGithubsOrder() {
        HttpResponse<String> response = get("?state=all&page=2&per_page=100");

        String prefix = source.baseUrl() + "/repos/acme/widgets/issues?state=all&page=";
        assertThat(response.headers().firstValue("link")).hasValue(
                "<" + prefix + "1&per_page=100>; rel=\"prev\", <" + prefix + "3&per_page=100>; rel=\"next\", <"
                        + prefix + "3&per_page=100>; rel=\"last\", <" + prefix + "1&per_page=100>; rel=\"first\"");
    }

    @Test
    void lastPageHasNoNextLinkAndHoldsTheRemainder() {
        HttpResponse<String> response = get("?state=all&per_page=100&page=3");

        assertThat(SampleHttp.json(response)).hasSize(50);
        assertThat(response.headers().firstValue("link").orElseThrow()).doesNotContain("rel=\"next\"");
    }

    @Test
    void singlePageResultsCarryNoLinkHeader() {
        HttpResponse<String> response = get("?state=all&per_page=100&since=2099-01-01T00:00:00Z");

        assertThat(SampleHttp.json(response)).isEmpty();
        assertThat(response.headers().firstValue("link")).isEmpty();
    }

    @Test
    void defaultsToOpenItemsThirtyPerPageNewestCreatedFirst() {
        JsonNode page = SampleHttp.json(get(""));

        assertThat(page).hasSize(30);
        List<Integer> numbers = new ArrayList<>();
        page.forEach(item -> {
            assertThat(item.get("state").asString()).isEqualTo("open");
            numbers.add(item.get("number").asInt());
        });
        assertThat(numbers).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void capsPerPageAtOneHundred() {
        assertThat(SampleHttp.json(get("?state=all&per_page=500"))).hasSize(100);
    }

    @Test
    void sinceReturnsOnlyItemsUpdatedAtOrAfterIt() {
        GithubIssue boundary = source.github().listing(REPO).get(200);
        String since = GithubJson.timestamp(boundary.updatedAt());

        JsonNode page = SampleHttp.json(get("?state=all&per_page=100&sort=updated&direction=asc&since=" + since));

        long expected = source.github().listing(REPO).stream()
                .filter(i -> !i.updatedAt().isBefore(boundary.updatedAt())).count();
        assertThat(page).hasSize((int) expected);
        page.forEach(item -> assertThat(Instant.parse(item.get("updated_at").asString()))
                .isAfterOrEqualTo(boundary.updatedAt()));
    }

    @Test
    void listsPullRequestsWithTheirPullRequestObject() {
        JsonNode all = SampleHttp.json(get("?state=all&per_page=100&sort=created&direction=asc"));

        JsonNode fifth = all.get(4);
        assertThat(fifth.get("number").asInt()).isEqualTo(5);
        assertThat(fifth.get("pull_request").get("url").asString()).endsWith("/repos/acme/widgets/pulls/5");
        assertThat(fifth.get("pull_request").has("merged_at")).isTrue();
        assertThat(all.get(0).has("pull_request")).isFalse();
    }

    @Test
    void rendersTimestampsToTheSecondInUtc() {
        JsonNode first = SampleHttp.json(get("?state=all&per_page=1")).get(0);

        assertThat(first.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(first.get("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void rejectsAnUnknownStateAsValidationFailed() {
        HttpResponse<String> response = get("?state=everything");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(SampleHttp.json(response).get("message").asString()).isEqualTo("Validation Failed");
        assertThat(SampleHttp.json(response).get("errors").get(0).get("field").asString()).isEqualTo("state");
    }

    @Test
    void rejectsASinceThatIsNotIso8601() {
        assertThat(get("?since=yesterday").statusCode()).isEqualTo(422);
    }

    private static HttpResponse<String> get(String query) {
        return SampleHttp.get(issuesUrl + query, "Bearer " + SampleSourceOptions.DEFAULT_TOKEN);
    }
}
