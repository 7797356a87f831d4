package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.contract.ConnectorContractTest;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.jira.JiraIssue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ObjectNode;

/** What the Cloud and Data Center contract tests share: the sample source and its project. */
abstract class JiraConnectorContractTestSupport extends ConnectorContractTest {

    static final String PROJECT = "WID";
    static final int PAGE_SIZE = 25;
    SampleSource source;

    @BeforeEach
    void startSource() {
        source = SampleSource.start(SampleSourceOptions.builder().build());
        source.jira().addProject(PROJECT, "Widgets");
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    abstract ObjectNode config();

    @Override
    protected int pageSize() {
        return PAGE_SIZE;
    }

    @Override
    protected String entityType() {
        return "jira_issues";
    }

    @Override
    protected String scope() {
        return PROJECT;
    }

    @Override
    protected void givenRecords(int count) {
        source.jira().generateIssues(PROJECT, count);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        Set<String> changed = new LinkedHashSet<>();
        for (int number = 1; number <= count; number++) {
            String key = PROJECT + "-" + number * 3;
            source.jira().updateIssue(key, "Changed summary " + number);
            changed.add(key);
        }
        return changed;
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.jira().issues(PROJECT).stream().map(JiraIssue::key).collect(Collectors.toSet());
    }

    @Override
    protected void failNextRequests(int requests) {
        source.jira().faults().serverErrors(requests, 502);
    }

    @Override
    protected Connector connector() {
        return JiraFixtures.connector(config());
    }

    @Override
    protected Connector connectorWithBadCredentials() {
        return JiraFixtures.connector(config(), "wrong-token", duration -> { });
    }
}
