package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Rate limits, server errors, bad credentials and connection checks against the sample source. */
class GithubFailureHandlingTest {

    private static final String REPO = "acme/widgets";
    private static final String ISSUES_PATH = "/repos/acme/widgets/issues";
    private static final String TOKEN = SampleSourceOptions.DEFAULT_TOKEN;

    private SampleSource source;

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        source.github().addRepository(REPO).generateIssues(REPO, 250, 0);
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    @Test
    void waitsOutASecondaryRateLimitWithRetryAfterAndRepeatsTheRequest() {
        RecordingSleeper sleeper = RecordingSleeper.instant();
        source.github().faults().secondaryRateLimit(1, 429, Duration.ofSeconds(1));

        RecordingSink sink = extract(connector(TOKEN, sleeper));

        assertThat(sink.records()).hasSize(250);
        assertThat(sleeper.waits()).hasSize(1);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(4);
    }

    @Test
    void waitsUntilThePrimaryRateLimitResetsAndContinues() {
        RecordingSleeper sleeper = RecordingSleeper.real();
        source.github().faults().primaryRateLimit(1, Duration.ofSeconds(1));
        Instant start = Instant.now();

        RecordingSink sink = extract(connector(TOKEN, sleeper));

        assertThat(sink.records()).hasSize(250);
        assertThat(sleeper.waits()).singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(4);
    }

    @Test
    void waitsTheDefaultForA429WithoutRateLimitHeaders() {
        RecordingSleeper sleeper = RecordingSleeper.instant();
        source.github().faults().secondaryRateLimit(1, 429, null);

        assertThat(extract(connector(TOKEN, sleeper)).records()).hasSize(250);

        assertThat(sleeper.waits()).singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(2), Duration.ofMillis(3100)));
    }

    @Test
    void handsALongRateLimitWaitToTheRuntimeInsteadOfSleeping() {
        RecordingSleeper sleeper = RecordingSleeper.instant();
        ObjectNode config = GithubFixtures.config(source.githubBaseUrl(), REPO);
        config.put("max_rate_limit_wait_seconds", 5);
        source.github().faults().primaryRateLimit(1, Duration.ofMinutes(10));

        assertThatThrownBy(() -> extract(GithubFixtures.connector(config, TOKEN, sleeper)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.resetAt())
                        .isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(11))));
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retriesServerErrorsAndCompletes() {
        source.github().faults().serverErrors(2, 502);

        RecordingSink sink = extract(connector(TOKEN, RecordingSleeper.instant()));

        assertThat(sink.records()).hasSize(250);
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(5);
    }

    @Test
    void reportsServerErrorsBeyondTheRetriesAsRetriable() {
        source.github().faults().serverErrors(3, 503);

        assertThatThrownBy(() -> extract(connector(TOKEN, RecordingSleeper.instant())))
                .isExactlyInstanceOf(RetriableConnectorException.class)
                .hasMessageContaining("503");
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(3);
    }

    @Test
    void classifiesBadCredentialsAsPermanentWithoutTheToken() {
        String wrongToken = "ghp_secretWrongToken123";

        assertThatThrownBy(() -> extract(connector(wrongToken, RecordingSleeper.instant())))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e).hasMessageContaining("bad credentials").hasMessageNotContaining(wrongToken);
                });
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(1);
    }

    @Test
    void aPrimaryLimitThatResetsLaterThanTheInlineWaitDefersTheRunAndHoldsBackOtherConnectorsOfTheToken() {
        ConnectorServices services = ConnectorServices.local();
        source.github().faults().primaryRateLimit(1, Duration.ofMinutes(30));
        Connector first = GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO), TOKEN,
                RecordingSleeper.instant(), services);

        assertThatThrownBy(() -> extract(first)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.resetAt()).isAfter(Instant.now().plus(Duration.ofMinutes(29))));
        Connector second = GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO), TOKEN,
                RecordingSleeper.instant(), services);
        assertThatThrownBy(() -> extract(second)).isInstanceOf(RateLimitedException.class)
                .hasMessageContaining("not sent");
        assertThat(source.requests().count(ISSUES_PATH)).isEqualTo(1);
    }

    @Test
    void connectionCheckReportsASecondaryLimitAndAMissingOrganization() {
        source.github().faults().secondaryRateLimit(1, 403, Duration.ofSeconds(30));
        assertThat(connector(TOKEN, RecordingSleeper.instant()).testConnection().outcome()).isEqualTo(Outcome.RATE_LIMITED);

        ObjectNode organization = GithubFixtures.JSON.createObjectNode().put("base_url", source.githubBaseUrl())
                .put("organization", "nobody");
        assertThat(GithubFixtures.connector(organization, TOKEN, RecordingSleeper.instant()).testConnection())
                .satisfies(check -> {
                    assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
                    assertThat(check.message()).startsWith("organization nobody not found");
                });
    }

    @Test
    void connectionCheckReportsEachKindOfFailure() {
        source.github().faults().primaryRateLimit(1, Duration.ofMinutes(5));
        assertThat(connector(TOKEN, RecordingSleeper.instant()).testConnection().outcome()).isEqualTo(Outcome.RATE_LIMITED);

        assertThat(connector(TOKEN, RecordingSleeper.instant()).testConnection().outcome()).isEqualTo(Outcome.OK);
        assertThat(connector("wrong", RecordingSleeper.instant()).testConnection().outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        Connector missing = GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), "acme/x"), TOKEN,
                RecordingSleeper.instant());
        assertThat(missing.testConnection()).satisfies(check -> {
            assertThat(check.outcome()).isEqualTo(Outcome.NOT_FOUND);
            assertThat(check.message())
                    .isEqualTo("repository acme/x not found, or the token cannot see it (GitHub: Not Found)");
        });
    }

    @Test
    void connectionCheckReportsAnUnreachableSource() {
        String baseUrl = source.githubBaseUrl();
        source.close();

        Connector connector = GithubFixtures.connector(GithubFixtures.config(baseUrl, REPO), TOKEN,
                RecordingSleeper.instant());

        assertThat(connector.testConnection().outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThatThrownBy(() -> extract(connector)).isInstanceOf(RetriableConnectorException.class);
    }

    private Connector connector(String token, RecordingSleeper sleeper) {
        return GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO), token, sleeper);
    }

    private static RecordingSink extract(Connector connector) {
        RecordingSink sink = RecordingSink.all();
        try (connector) {
            connector.extract(new ExtractRequest("github_issues", REPO, SyncMode.FULL, Map.of(), Map.of(), Instant.now()),
                    sink);
        }
        return sink;
    }
}
