package io.etlfleet.transform.loading;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.transform.github.GithubIssueLoader;
import io.etlfleet.transform.jdbc.JdbcTableLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityLoadersTest {

    private final EntityLoaders loaders = new EntityLoaders(List.of(new GithubIssueLoader()),
            Map.of(JdbcTableLoader.INTEGRATION_TYPE, new JdbcTableLoader()));

    @Test
    void routesEveryTableOfAJdbcIntegrationToTheJdbcLoader() {
        assertThat(loaders.forJob("jdbc", "sales.orders")).get().isInstanceOf(JdbcTableLoader.class);
        assertThat(loaders.forJob("jdbc", "github_issues")).get().isInstanceOf(JdbcTableLoader.class);
    }

    @Test
    void routesOtherIntegrationsByEntityType() {
        assertThat(loaders.forJob("github", "github_issues")).get().isInstanceOf(GithubIssueLoader.class);
        assertThat(loaders.forJob("github", "sales.orders")).isEmpty();
    }
}
