package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class JiraConfigTest {

    private static ObjectNode config(String deployment) {
        return JiraFixtures.config("https://acme.atlassian.net/", deployment, 100, "WID", "OPS");
    }

    private static String failingField(ObjectNode config, Map<String, String> credentials) {
        try {
            JiraConfig.from(new ConnectorSettings("i", config, credentials));
        } catch (InvalidConfigException e) {
            return e.field();
        }
        throw new AssertionError("expected an InvalidConfigException");
    }

    @Test
    void readsACloudConfigWithDefaultsAndHidesTheCredentials() {
        JiraConfig config = JiraConfig.from(new ConnectorSettings("i", config("cloud").without("page_size"),
                Map.of("email", "a@acme.com", "api_token", "tok-123")));

        assertThat(config.baseUrl().toString()).isEqualTo("https://acme.atlassian.net/");
        assertThat(config.deployment()).isEqualTo(JiraDeployment.CLOUD);
        assertThat(config.projects()).containsExactly("WID", "OPS");
        assertThat(config.overlap().toSeconds()).isEqualTo(60);
        assertThat(config.pageSize()).isEqualTo(100);
        assertThat(config.authorization()).startsWith("Basic ");
        assertThat(config.toString()).doesNotContain("tok-123").doesNotContain(config.authorization());
    }

    @Test
    void namesTheFieldThatIsWrong() {
        Map<String, String> cloud = Map.of("email", "a@acme.com", "api_token", "t");
        assertThat(failingField(config("server"), cloud)).isEqualTo("config.deployment");
        assertThat(failingField((ObjectNode) config("cloud").without("base_url"), cloud)).isEqualTo("config.base_url");
        assertThat(failingField((ObjectNode) config("cloud").set("projects",
                JiraFixtures.JSON.createArrayNode().add("WID").add("wid")), cloud)).isEqualTo("config.projects[1]");
        assertThat(failingField(config("cloud").put("page_size", 500), cloud)).isEqualTo("config.page_size");
        assertThat(failingField(config("cloud"), Map.of("api_token", "t"))).isEqualTo("credentials.email");
        assertThat(failingField(config("cloud"), Map.of("email", "a@acme.com"))).isEqualTo("credentials.api_token");
        assertThat(failingField(config("datacenter"), cloud)).isEqualTo("credentials.token");
    }

    @Test
    void usesABearerTokenForDataCenter() {
        JiraConfig config = JiraConfig.from(new ConnectorSettings("i", config("datacenter"), Map.of("token", "pat-1")));

        assertThat(config.authorization()).isEqualTo("Bearer pat-1");
        assertThatThrownBy(() -> config.project("HR")).isInstanceOf(InvalidConfigException.class);
    }
}
