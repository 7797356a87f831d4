package io.etlfleet.integrations.github;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.github.GithubIssue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The connector contract for GitHub issues, against the sample source over real HTTP. */
class GithubConnectorContractTest extends ConnectorContractTest {

    private static final String REPO = "acme/widgets";
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

    @Override
    protected int pageSize() {
        return 100;
    }

    @Override
    protected String entityType() {
        return "github_issues";
    }

    @Override
    protected String scope() {
        return REPO;
    }

    @Override
    protected void givenRecords(int count) {
        source.github().generateIssues(REPO, count, 0);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        Set<String> changed = new LinkedHashSet<>();
        for (int number = 1; number <= count; number++) {
            source.github().updateIssue(REPO, number * 3, "Changed title " + number);
            changed.add(REPO + "#" + number * 3);
        }
        return changed;
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.github().issues(REPO).stream().map(GithubIssue::number).map(n -> REPO + "#" + n)
                .collect(Collectors.toSet());
    }

    @Override
    protected void failNextRequests(int requests) {
        source.github().faults().serverErrors(requests, 502);
    }

    @Override
    protected Connector connector() {
        return GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO),
                SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant());
    }

    @Override
    protected Connector connectorWithBadCredentials() {
        return GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), REPO),
                "ghp_wrong", RecordingSleeper.instant());
    }
}
