package io.etlfleet.integrations.jira;

import tools.jackson.databind.node.ObjectNode;

/** The connector contract for Jira Data Center issues (v2 search, startAt paging), over real HTTP. */
class JiraDataCenterConnectorContractTest extends JiraConnectorContractTestSupport {

    @Override
    ObjectNode config() {
        return JiraFixtures.dataCenter(source, PAGE_SIZE, PROJECT);
    }
}
