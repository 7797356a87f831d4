package io.etlfleet.integrations.github;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the GitHub entities' contract tests share: a fresh sample GitHub per test and connectors
 * whose ETags and budgets outlive them (as the runtime's do), so incremental runs ask conditionally.
 */
abstract class GithubContractSupport extends ConnectorContractTest {

    protected static final String REPO = "acme/widgets";

    protected SampleSource source;
    private ConnectorServices services;

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        services = ConnectorServices.local();
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
    protected String scope() {
        return REPO;
    }

    /** The integration's config; repository entities list {@link #REPO}. */
    protected ObjectNode config() {
        return GithubFixtures.config(source.githubBaseUrl(), REPO);
    }

    @Override
    protected void failNextRequests(int requests) {
        source.github().faults().serverErrors(requests, 502);
    }

    @Override
    protected Connector connector() {
        return GithubFixtures.connector(config(), SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant(), services);
    }

    @Override
    protected Connector connectorWithBadCredentials() {
        return GithubFixtures.connector(config(), "ghp_wrong", RecordingSleeper.instant());
    }

    @Override
    protected Connector connectorWithMissingScope() {
        return GithubFixtures.connector(GithubFixtures.config(source.githubBaseUrl(), missingScope()),
                SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant());
    }

    @Override
    protected String missingScope() {
        return "acme/missing";
    }
}
