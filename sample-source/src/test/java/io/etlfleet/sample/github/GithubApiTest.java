package io.etlfleet.sample.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GithubApiTest {

    private static final String TOKEN = "Bearer " + SampleSourceOptions.DEFAULT_TOKEN;
    private SampleSource source;

    @BeforeEach
    void start() {
        source = SampleSource.start(SampleSourceOptions.builder().githubRepositories(java.util.List.of("acme/widgets"))
                .issuesPerRepository(20).build());
    }

    @AfterEach
    void stop() {
        source.close();
    }

    @Test
    void answersAWrongOrMissingTokenWithBadCredentials() {
        HttpResponse<String> wrong = SampleHttp.get(url("/repos/acme/widgets/issues"), "Bearer nope");
        HttpResponse<String> missing = SampleHttp.get(url("/repos/acme/widgets/issues"), null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(
                "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
    }

    @Test
    void acceptsTheOlderTokenAuthorizationScheme() {
        assertThat(SampleHttp.get(url("/user"), "token " + SampleSourceOptions.DEFAULT_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownRepositoryWithNotFound() {
        HttpResponse<String> response = SampleHttp.get(url("/repos/acme/missing/issues"), TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SampleHttp.json(response).get("message").asString()).isEqualTo("Not Found");
    }

    @Test
    void sendsRateLimitHeadersETagAndJsonContentTypeOnEveryResponse() {
        HttpResponse<String> first = SampleHttp.get(url("/repos/acme/widgets"), TOKEN);
        HttpResponse<String> second = SampleHttp.get(url("/repos/acme/widgets"), TOKEN);

        assertThat(first.headers().firstValue("x-ratelimit-limit")).hasValue("5000");
        assertThat(first.headers().firstValue("x-ratelimit-used")).hasValue("1");
        assertThat(second.headers().firstValue("x-ratelimit-remaining")).hasValue("4998");
        assertThat(second.headers().firstValue("x-ratelimit-resource")).hasValue("core");
        assertThat(Long.parseLong(second.headers().firstValue("x-ratelimit-reset").orElseThrow()))
                .isGreaterThan(Instant.now().getEpochSecond());
        assertThat(second.headers().firstValue("etag")).isPresent();
        assertThat(second.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    }

    @Test
    void injectedFaultsAnswerOnlyTheNextRequestsInOrder() {
        source.github().faults().primaryRateLimit(1, Duration.ofSeconds(1))
                .secondaryRateLimit(1, 429, Duration.ofSeconds(1))
                .serverErrors(2, 502);

        HttpResponse<String> primary = SampleHttp.get(url("/user"), TOKEN);
        HttpResponse<String> secondary = SampleHttp.get(url("/user"), TOKEN);
        int firstError = SampleHttp.get(url("/user"), TOKEN).statusCode();
        int secondError = SampleHttp.get(url("/user"), TOKEN).statusCode();
        int recovered = SampleHttp.get(url("/user"), TOKEN).statusCode();

        assertThat(primary.statusCode()).isEqualTo(403);
        assertThat(primary.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
        assertThat(primary.body()).contains("API rate limit exceeded for user ID");
        assertThat(secondary.statusCode()).isEqualTo(429);
        assertThat(secondary.headers().firstValue("retry-after")).hasValue("1");
        assertThat(secondary.body()).contains("You have exceeded a secondary rate limit");
        assertThat(firstError).isEqualTo(502);
        assertThat(secondError).isEqualTo(502);
        assertThat(recovered).isEqualTo(200);
    }

    @Test
    void exhaustingTheHourlyBudgetAnswers403WithNoneRemaining() {
        source.close();
        source = SampleSource.start(SampleSourceOptions.builder().rateLimit(2).build());

        SampleHttp.get(url("/user"), TOKEN);
        SampleHttp.get(url("/user"), TOKEN);
        HttpResponse<String> limited = SampleHttp.get(url("/user"), TOKEN);

        assertThat(limited.statusCode()).isEqualTo(403);
        assertThat(limited.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
    }

    @Test
    void countsRequestsPerPathUntilReset() {
        SampleHttp.get(url("/repos/acme/widgets/issues"), TOKEN);
        SampleHttp.get(url("/repos/acme/widgets/issues?page=2"), TOKEN);
        SampleHttp.get(url("/user"), TOKEN);

        assertThat(source.requests().count("/repos/acme/widgets/issues")).isEqualTo(2);
        assertThat(source.requests().total()).isEqualTo(3);
        source.requests().reset();
        assertThat(source.requests().total()).isZero();
    }

    @Test
    void updatingAnIssueMovesItsUpdatedAtPastEverythingElse() {
        Instant latest = source.github().listing("acme/widgets").stream()
                .map(GithubIssue::updatedAt).max(Instant::compareTo).orElseThrow();

        GithubIssue updated = source.github().updateIssue("acme/widgets", 3, "Renamed");

        assertThat(updated.updatedAt()).isAfter(latest);
        assertThat(source.github().issue("acme/widgets", 3).title()).isEqualTo("Renamed");
    }

    @Test
    void generatesTheSameDataForTheSameSeed() {
        try (SampleSource twin = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(java.util.List.of("acme/widgets")).issuesPerRepository(20).build())) {
            assertThat(twin.github().listing("acme/widgets")).isEqualTo(source.github().listing("acme/widgets"));
        }
    }

    @Test
    void servesUnderTheEnterpriseServerPathPrefix() {
        try (SampleSource enterprise = SampleSource.start(SampleSourceOptions.builder()
                .githubPathPrefix("/api/v3").githubRepositories(java.util.List.of("acme/widgets")).build())) {
            HttpResponse<String> response = SampleHttp.get(
                    enterprise.githubBaseUrl() + "/repos/acme/widgets/issues?per_page=10", TOKEN);

            assertThat(enterprise.githubBaseUrl()).endsWith("/api/v3");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("link").orElseThrow())
                    .startsWith("<" + enterprise.baseUrl() + "/api/v3/repos/acme/widgets/issues?per_page=10&page=2>");
        }
    }

    private String url(String path) {
        return source.githubBaseUrl() + path;
    }
}
