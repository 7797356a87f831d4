package io.etlfleet.storage.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository.TypeRemaining;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The fleet-wide view of the shared budgets that the rate-limit gauge shows, per integration type and resource. */
class RemainingByTypeIT {

    private TestDatabase database;
    private Jdbi jdbi;
    private RateLimitBudgetRepository budgets;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void createDatabase() {
        database = TestServices.postgres().createDatabase("remaining_by_type");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        budgets = new RateLimitBudgetRepository(jdbi);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void showsTheLowestRemainingCountOfTheTypesCredentialsPerResource() {
        UUID first = Fixtures.aGithubIntegration(jdbi).integrationId();
        UUID second = Fixtures.aGithubIntegration(jdbi).integrationId();
        Instant reset = now.plus(1, ChronoUnit.HOURS);

        budgets.observe("fingerprint-a", "core", first, 5000, 4000, 1000, reset);
        budgets.observe("fingerprint-b", "core", second, 5000, 120, 4880, reset);
        budgets.observe("fingerprint-b", "search", second, 30, 29, 1, reset);

        assertThat(budgets.remainingByType(now)).containsExactly(new TypeRemaining("github", "core", 120),
                new TypeRemaining("github", "search", 29));
    }

    @Test
    void countsAResetWindowAsItsFullLimitAndABackoffAsNothingLeft() {
        UUID reset = Fixtures.aGithubIntegration(jdbi).integrationId();
        UUID blocked = Fixtures.aGithubIntegration(jdbi).integrationId();
        budgets.observe("fingerprint-reset", "core", reset, 5000, 3, 4997, now.minusSeconds(60));
        budgets.observe("fingerprint-blocked", "search", blocked, 30, 25, 5, now.plusSeconds(600));
        budgets.block("fingerprint-blocked", "search", now.plusSeconds(30));

        assertThat(budgets.remainingByType(now)).containsExactly(new TypeRemaining("github", "core", 5000),
                new TypeRemaining("github", "search", 0));
    }

    @Test
    void leavesOutBudgetsNoIntegrationUsesAndPastBackoffsWithoutALimit() {
        UUID integration = Fixtures.aGithubIntegration(jdbi).integrationId();
        budgets.observe("fingerprint-unused", "core", null, 5000, 10, 4990, now.plusSeconds(600));
        budgets.observe("fingerprint-used", "core", integration, 5000, 4990, 10, now.plusSeconds(600));
        budgets.block("fingerprint-used", "graphql", now.minusSeconds(5));

        assertThat(budgets.remainingByType(now)).containsExactly(new TypeRemaining("github", "core", 4990));
    }
}
