package io.etlfleet.api.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.integrations.Connectors;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IntegrationTypesTest {

    private static final Connectors CONNECTORS = Connectors.standard();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntegrationTypes types = new IntegrationTypes(CONNECTORS);

    @AfterAll
    static void closeConnectors() {
        CONNECTORS.close();
    }

    @Test
    void acceptsEveryConnectorTypeWithItsEntityTypes() {
        assertThat(types.supported()).containsExactly("csv", "github", "jdbc", "jira", "rest");
        assertThat(types.refusal("github")).isNull();
        assertThat(types.entityTypes("github", JSON.createObjectNode())).containsExactly("github_repositories",
                "github_issues", "github_pull_requests", "github_commits", "github_issue_comments");
        assertThat(types.entityTypes("jira", JSON.createObjectNode()))
                .containsExactly("jira_projects", "jira_statuses", "jira_issues");
    }

    @Test
    void aJdbcIntegrationsEntityTypesAreItsConfiguredTables() {
        assertThat(types.entityTypes("jdbc", JSON.readTree("""
                {"url":"jdbc:postgresql://db/app","tables":[{"name":"orders","cursor":["updated_at"],"key":["id"]},
                 {"name":"crm.customers","cursor":["modified"],"key":["id"]}]}""")))
                .containsExactly("orders", "crm.customers");
    }

    @Test
    void aCsvIntegrationsEntityIsItsConfiguredEntityAndARestIntegrationsItsStreams() {
        assertThat(types.entityTypes("csv", JSON.createObjectNode())).containsExactly("rows");
        assertThat(types.entityTypes("csv", JSON.readTree("{\"entity\":\"orders\"}"))).containsExactly("orders");
        assertThat(types.entityTypes("rest", JSON.readTree("""
                {"base_url":"https://api.example.com","streams":[{"name":"orders","path":"/orders"},
                 {"name":"customers","path":"/customers"}]}"""))).containsExactly("orders", "customers");
    }

    @Test
    void namesTheKnownTypesForAnUnknownOne() {
        assertThat(types.refusal("svn")).isEqualTo("must be one of csv, github, jdbc, jira, rest");
    }

    @Test
    void turnsAConnectorsConfigComplaintIntoABadRequestNamingTheField() {
        assertThatThrownBy(() -> types.validate("github", JSON.readTree("{\"repositories\":[\"nope\"]}"),
                Map.of("token", "t0ken")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("config.repositories[0]");
                        assertThat(problem.message()).doesNotStartWith("config.repositories[0]");
                    });
                });
    }
}
