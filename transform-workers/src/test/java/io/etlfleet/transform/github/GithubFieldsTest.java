package io.etlfleet.transform.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.JsonColumns;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GithubFieldsTest {

    @Test
    void findsTheRepositoryInGithubAndEnterpriseServerApiUrls() {
        assertThat(GithubFields.repositoryPath("https://api.github.com/repos/octocat/Hello-World/pulls/1347", "url"))
                .containsExactly("octocat/Hello-World", "pulls/1347");
        assertThat(GithubFields.repositoryPath("https://ghe.acme.test/api/v3/repos/platform/billing/issues/7", "issue_url"))
                .containsExactly("platform/billing", "issues/7");
        assertThat(GithubFields.repositoryPath("https://api.github.com/repos/octocat/Hello-World", "url"))
                .containsExactly("octocat/Hello-World", "");
    }

    @Test
    void refusesAUrlThatNamesNoRepository() {
        assertThatThrownBy(() -> GithubFields.repositoryPath("https://api.github.com/users/octocat", "url"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'url' is not a repository API URL: https://api.github.com/users/octocat");
        assertThatThrownBy(() -> GithubFields.repositoryPath("https://api.github.com/repos/octocat", "url"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsInstantsWithAZoneAndRefusesOthers() {
        var node = JsonColumns.MAPPER.readTree("{\"a\":\"2011-04-14T16:00:49Z\",\"b\":\"2011-04-14T18:00:49+02:00\","
                + "\"c\":\"2011-04-14 16:00\",\"d\":null}");

        assertThat(GithubFields.requiredInstant(node, "a", "x")).isEqualTo(Instant.parse("2011-04-14T16:00:49Z"));
        assertThat(GithubFields.requiredInstant(node, "b", "x")).isEqualTo(Instant.parse("2011-04-14T16:00:49Z"));
        assertThat(GithubFields.optionalInstant(node, "d")).isNull();
        assertThatThrownBy(() -> GithubFields.requiredInstant(node, "c", "x"))
                .hasMessage("'c' is not an ISO-8601 instant: 2011-04-14 16:00");
        assertThatThrownBy(() -> GithubFields.requiredInstant(node, "d", "commit")).hasMessage("commit has no 'd'");
    }
}
