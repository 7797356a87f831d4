package io.etlfleet.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.InvalidConfigException;
import org.junit.jupiter.api.Test;

class ConnectorsTest {

    @Test
    void findsTheGithubFactoryByType() {
        try (Connectors connectors = Connectors.standard()) {
            assertThat(connectors.factory("github").type()).isEqualTo("github");
            assertThat(connectors.types()).contains("github");
        }
    }

    @Test
    void findsTheJiraFactoryByType() {
        try (Connectors connectors = Connectors.standard()) {
            assertThat(connectors.factory("jira").type()).isEqualTo("jira");
            assertThat(connectors.types()).containsExactlyInAnyOrder("github", "jira", "jdbc", "csv", "rest");
        }
    }

    @Test
    void findsTheJdbcFactoryByType() {
        try (Connectors connectors = Connectors.standard()) {
            assertThat(connectors.factory("jdbc").type()).isEqualTo("jdbc");
        }
    }

    @Test
    void namesTheTypeFieldForAnUnknownType() {
        try (Connectors connectors = Connectors.standard()) {
            assertThatThrownBy(() -> connectors.factory("svn"))
                    .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo("type"));
        }
    }
}
