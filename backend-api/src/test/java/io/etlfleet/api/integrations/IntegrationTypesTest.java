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
    void acceptsGithubWithItsEntityTypes() {
        assertThat(types.supported()).containsExactly("github");
        assertThat(types.refusal("github")).isNull();
        assertThat(types.entityTypes("github")).containsExactly("github_issues");
    }

    @Test
    void saysPlannedTypesAreNotSupportedYetAndUnknownOnesAreUnknown() {
        assertThat(types.refusal("jira")).contains("not supported yet");
        assertThat(types.refusal("jdbc")).contains("not supported yet");
        assertThat(types.refusal("svn")).isEqualTo("must be one of github");
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
