package io.etlfleet.integrations.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class GithubConfigTest {

    @Test
    void defaultsToGithubDotComWithAMinuteOfOverlap() {
        ObjectNode config = GithubFixtures.JSON.createObjectNode();
        config.putArray("repositories").add("acme/widgets");

        GithubConfig parsed = GithubConfig.from(GithubFixtures.settings(config, "ghp_x"));

        assertThat(parsed.baseUrl().toString()).isEqualTo("https://api.github.com/");
        assertThat(parsed.repositories()).containsExactly("acme/widgets");
        assertThat(parsed.overlap()).isEqualTo(Duration.ofSeconds(60));
        assertThat(parsed.maxRateLimitWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void keepsAnEnterpriseServerPathWithoutItsTrailingSlash() {
        GithubConfig parsed = GithubConfig.from(GithubFixtures.settings(
                GithubFixtures.config("https://ghe.example.com/api/v3/", "acme/widgets"), "ghp_x"));

        assertThat(parsed.baseUrl().toString()).isEqualTo("https://ghe.example.com/api/v3");
    }

    @Test
    void namesTheRepositoryThatIsNotOwnerSlashRepo() {
        assertField(GithubFixtures.config("https://api.github.com", "acme/widgets", "widgets"), "ghp_x",
                "config.repositories[1]");
    }

    @Test
    void rejectsAnEmptyRepositoryList() {
        assertField(GithubFixtures.config("https://api.github.com"), "ghp_x", "config.repositories");
    }

    @Test
    void rejectsTheSameRepositoryListedTwice() {
        assertField(GithubFixtures.config("https://api.github.com", "acme/widgets", "ACME/widgets"), "ghp_x",
                "config.repositories[1]");
    }

    @Test
    void rejectsABaseUrlThatIsNotHttp() {
        assertField(GithubFixtures.config("ftp://github.example", "acme/widgets"), "ghp_x", "config.base_url");
        assertField(GithubFixtures.config("not a url", "acme/widgets"), "ghp_x", "config.base_url");
    }

    @Test
    void rejectsANegativeOverlap() {
        ObjectNode config = GithubFixtures.config("https://api.github.com", "acme/widgets");
        config.put("overlap_seconds", -1);

        assertField(config, "ghp_x", "config.overlap_seconds");
    }

    @Test
    void readsEveryRepositoryOfAnOrganizationOrUserInsteadOfAList() {
        ObjectNode organization = GithubFixtures.JSON.createObjectNode().put("organization", "acme");
        ObjectNode user = GithubFixtures.JSON.createObjectNode().put("user", "octo-cat");

        GithubConfig org = GithubConfig.from(GithubFixtures.settings(organization, "ghp_x"));
        GithubConfig own = GithubConfig.from(GithubFixtures.settings(user, "ghp_x"));

        assertThat(org.owner()).isEqualTo(new GithubConfig.Owner("acme", true));
        assertThat(org.repositories()).isEmpty();
        assertThat(org.repository("ACME/widgets")).isEqualTo("ACME/widgets");
        assertThat(own.owner()).isEqualTo(new GithubConfig.Owner("octo-cat", false));
        assertThatThrownBy(() -> org.repository("other/widgets")).isInstanceOfSatisfying(InvalidConfigException.class,
                e -> assertThat(e.field()).isEqualTo("config.organization"));
    }

    @Test
    void refusesAnOwnerTogetherWithAListOrBothKindsOfOwner() {
        ObjectNode both = GithubFixtures.config("https://api.github.com", "acme/widgets").put("organization", "acme");
        ObjectNode owners = GithubFixtures.JSON.createObjectNode().put("organization", "acme").put("user", "octo");
        ObjectNode badLogin = GithubFixtures.JSON.createObjectNode().put("organization", "acme/widgets");

        assertField(both, "ghp_x", "config.repositories");
        assertField(owners, "ghp_x", "config.user");
        assertField(badLogin, "ghp_x", "config.organization");
    }

    @Test
    void requiresAToken() {
        assertField(GithubFixtures.config("https://api.github.com", "acme/widgets"), null, "credentials.token");
        assertField(GithubFixtures.config("https://api.github.com", "acme/widgets"), " ", "credentials.token");
    }

    @Test
    void rejectsATokenWithLineBreaksWithoutEchoingIt() {
        assertThatThrownBy(() -> GithubConfig.from(GithubFixtures.settings(
                GithubFixtures.config("https://api.github.com", "acme/widgets"), "ghp_secret\nX-Evil: 1")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageNotContaining("ghp_secret");
    }

    @Test
    void neverShowsTheTokenInToString() {
        GithubConfig parsed = GithubConfig.from(GithubFixtures.settings(
                GithubFixtures.config("https://api.github.com", "acme/widgets"), "ghp_secret"));

        assertThat(parsed.toString()).doesNotContain("ghp_secret");
    }

    private static void assertField(ObjectNode config, String token, String field) {
        assertThatThrownBy(() -> GithubConfig.from(GithubFixtures.settings(config, token)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
