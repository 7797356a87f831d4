package io.etlfleet.storage.ratelimits;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The shared budget against real PostgreSQL: what several workers with one credential may spend. */
class RateLimitBudgetRepositoryIT {

    private static TestDatabase database;
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("rate_limit_budgets");
        dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static RateLimitBudgetRepository aWorker() {
        return new RateLimitBudgetRepository(Storage.jdbi(dataSource));
    }

    private static String aFingerprint() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void twoWorkersSharingOneCredentialNeverSpendMoreThanRemains() throws Exception {
        String fingerprint = aFingerprint();
        Instant reset = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        aWorker().observe(fingerprint, "core", null, 5000, 50, 4950, reset);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> spendAll = () -> {
            RateLimitBudgetRepository worker = aWorker();
            start.await();
            int taken = 0;
            while (worker.tryAcquire(fingerprint, "core", Instant.now()).isEmpty()) {
                taken++;
            }
            return taken;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> workers = new ArrayList<>(List.of(pool.submit(spendAll), pool.submit(spendAll)));
            start.countDown();
            int first = workers.get(0).get();
            int second = workers.get(1).get();

            assertThat(first + second).isEqualTo(50);
            assertThat(aWorker().find(fingerprint, "core").orElseThrow().remaining()).isZero();
            assertThat(aWorker().tryAcquire(fingerprint, "core", Instant.now())).contains(reset);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReportOfTheSameWindowOnlyLowersTheCountAndALaterWindowReplacesIt() {
        String fingerprint = aFingerprint();
        Instant reset = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        RateLimitBudgetRepository budgets = aWorker();
        budgets.observe(fingerprint, "core", null, 5000, 100, 4900, reset);
        budgets.tryAcquire(fingerprint, "core", Instant.now());

        budgets.observe(fingerprint, "core", null, 5000, 100, 4900, reset);
        assertThat(budgets.find(fingerprint, "core").orElseThrow().remaining()).isEqualTo(99);

        budgets.observe(fingerprint, "core", null, 5000, 4999, 1, reset.plus(1, ChronoUnit.HOURS));
        assertThat(budgets.find(fingerprint, "core").orElseThrow().remaining()).isEqualTo(4999);

        budgets.observe(fingerprint, "core", null, 5000, 10, 4990, reset);
        assertThat(budgets.find(fingerprint, "core").orElseThrow().remaining()).isEqualTo(4999);
    }

    @Test
    void anUnknownCredentialMayGoAheadAndANotModifiedAnswerGivesTheRequestBack() {
        String fingerprint = aFingerprint();
        RateLimitBudgetRepository budgets = aWorker();
        assertThat(budgets.tryAcquire(fingerprint, "core", Instant.now())).isEmpty();

        budgets.observe(fingerprint, "core", null, 5000, 1, 4999, Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(budgets.tryAcquire(fingerprint, "core", Instant.now())).isEmpty();
        budgets.refund(fingerprint, "core", Instant.now());

        assertThat(budgets.tryAcquire(fingerprint, "core", Instant.now())).isEmpty();
        assertThat(budgets.tryAcquire(fingerprint, "core", Instant.now())).isPresent();
    }

    @Test
    void aSecondaryLimitBlocksTheCredentialUntilItsRetryTime() {
        String fingerprint = aFingerprint();
        RateLimitBudgetRepository budgets = aWorker();
        Instant now = Instant.now();
        budgets.observe(fingerprint, "core", null, 5000, 4000, 1000, now.plus(1, ChronoUnit.HOURS));
        Instant until = now.plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

        budgets.block(fingerprint, "core", until);

        assertThat(budgets.tryAcquire(fingerprint, "core", now)).contains(until);
        assertThat(budgets.tryAcquire(fingerprint, "core", until.plusSeconds(1))).isEmpty();
    }

    @Test
    void anIntegrationSeesTheBudgetsOfTheCredentialItUsedLast() {
        Jdbi jdbi = Storage.jdbi(dataSource);
        UUID integration = Fixtures.aGithubIntegration(jdbi).integrationId();
        String fingerprint = aFingerprint();
        RateLimitBudgetRepository budgets = aWorker();
        Instant reset = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        budgets.observe(fingerprint, "core", integration, 5000, 4321, 679, reset);

        assertThat(budgets.forIntegration(integration)).singleElement().satisfies(budget -> {
            assertThat(budget.resource()).isEqualTo("core");
            assertThat(budget.limit()).isEqualTo(5000);
            assertThat(budget.remaining()).isEqualTo(4321);
            assertThat(budget.resetAt()).isEqualTo(reset);
        });
        assertThat(budgets.forIntegration(UUID.randomUUID())).isEmpty();
    }
}
