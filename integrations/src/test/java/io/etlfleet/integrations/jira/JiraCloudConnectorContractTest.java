package io.etlfleet.integrations.jira;

import tools.jackson.databind.node.ObjectNode;

/** The connector contract for Jira Cloud issues (enhanced search, token paging), over real HTTP. */
class JiraCloudConnectorContractTest extends JiraConnectorContractTestSupport {

    @Override
    ObjectNode config() {
        return JiraFixtures.cloud(source, PAGE_SIZE, PROJECT);
    }
}
