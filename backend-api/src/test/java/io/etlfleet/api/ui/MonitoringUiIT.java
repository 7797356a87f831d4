package io.etlfleet.api.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.rejections.Rejection;
import io.etlfleet.storage.rejections.RejectionStore;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The monitoring UI in Chromium against the running app: sign-in, jobs and integrations. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MonitoringUiIT {

    private static UiBrowser browser;
    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private Jdbi jdbi;
    @Autowired
    private JobStore jobs;

    private ApiClient api;

    @BeforeAll
    static void start() {
        UiBrowser.requireChromium();
        backend = TestBackend.start("ui");
        browser = UiBrowser.launch();
    }

    @AfterEach
    void noScriptErrors() {
        browser.assertNoScriptErrors();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestBackend.register(registry, () -> backend);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void refusesAnUnknownKeyShowingTheApiError() {
        try (Page page = browser.open(port, "")) {
            page.locator("#api-key").fill("not-a-key-of-this-fleet");
            page.locator("#sign-in-button").click();

            assertThat(page.locator("#sign-in-error")).isVisible();
            assertThat(page.locator("#sign-in-error")).containsText("401");
            assertThat(page.locator("#sign-in-error")).containsText("the API key is unknown or revoked");
            assertThat(page.locator("#shell")).isHidden();
            assertThat(page.evaluate("sessionStorage.length")).isEqualTo(0);
            UiBrowser.screenshot(page, "sign-in");
        }
    }

    @Test
    void signsInWithAnAdminKeyKeepsItForTheTabAndSignsOut() {
        try (Page page = browser.signIn(port, TestBackend.ADMIN_TOKEN, "#/jobs")) {
            assertThat(page.locator("#who")).hasText("admin");
            assertThat(page.locator("#filter-tenant")).isVisible();

            page.reload();
            assertThat(page.locator("#shell")).isVisible();
            assertThat(page.locator("#who")).hasText("admin");

            page.locator("#sign-out").click();
            assertThat(page.locator("#sign-in")).isVisible();
            assertThat(page.evaluate("sessionStorage.length")).isEqualTo(0);
        }
    }

    @Test
    void jobDetailShowsItsChildTransformJobsAndTheRecordsTheyRejected() {
        TenantWithKey tenant = aTenant(api);
        String jobId = anExtractJob(api, tenant, aGithubIntegration(api, tenant));
        Job parent = jobs.find(UUID.fromString(jobId)).orElseThrow();
        NewJob first = NewJob.transform(parent.id(), parent.tenantId(), parent.integrationId(), "github", "github_issues",
                UUID.randomUUID());
        NewJob second = NewJob.transform(parent.id(), parent.tenantId(), parent.integrationId(), "github", "github_issues",
                UUID.randomUUID());
        jdbi.useHandle(h -> {
            jobs.insert(h, first);
            jobs.insert(h, second);
            new RejectionStore(jdbi).add(h, second.id(), parent.tenantId(), parent.integrationId(), "github_issues",
                    Rejection.TRANSFORM, List.of(new RejectionStore.NewRejection("acme/app#12", 7L,
                            "updated_at is not a timestamp: yesterday")));
        });

        try (Page page = browser.signIn(port, tenant.apiKey(), "#/jobs/" + jobId)) {
            assertThat(page.locator("#who")).hasText("tenant");
            Locator children = page.locator("table.children tbody tr");
            assertThat(children).hasCount(2);
            assertThat(page.locator("table.children tr[data-job='" + first.id() + "']")).containsText("queued");
            assertThat(page.locator("table.children tr[data-job='" + second.id() + "']")).isVisible();
            assertThat(page.locator("#job-detail")).containsText("github_issues");
            assertThat(page.getByText("Rejected records (1)")).isVisible();
            assertThat(page.locator("table.rejections tbody tr")).hasCount(1);
            assertThat(page.locator("table.rejections tbody tr")).containsText("acme/app#12");
            assertThat(page.locator("table.rejections tbody tr")).containsText("updated_at is not a timestamp: yesterday");

            page.locator("table.children tr[data-job='" + first.id() + "'] a").click();
            assertThat(page.locator("#job-detail dl")).containsText(jobId);
            page.goBack();
            assertThat(children).hasCount(2);
            UiBrowser.screenshot(page, "job-detail");
        }
    }

    @Test
    void tenantKeyDoesNotSeeAnotherTenantsJobs() {
        TenantWithKey mine = aTenant(api);
        TenantWithKey theirs = aTenant(api);
        String myJob = anExtractJob(api, mine, aGithubIntegration(api, mine));
        String theirJob = anExtractJob(api, theirs, aGithubIntegration(api, theirs));

        try (Page page = browser.signIn(port, mine.apiKey(), "#/jobs")) {
            assertThat(page.locator("#job-list tr[data-job='" + myJob + "']")).isVisible();
            assertThat(page.locator("#job-list tbody tr")).hasCount(1);
            assertThat(page.locator("#job-list tr[data-job='" + theirJob + "']")).hasCount(0);
            assertThat(page.locator("#filter-tenant")).hasCount(0);
            UiBrowser.screenshot(page, "jobs-tenant-view");

            page.navigate("http://127.0.0.1:" + port + "/#/jobs/" + theirJob);
            assertThat(page.locator("#page .banner.error:visible")).containsText("404");
            assertThat(page.locator("#job-detail")).isEmpty();
        }
    }

    @Test
    void jobListRefreshesItselfWithoutReloadingThePage() {
        TenantWithKey tenant = aTenant(api);
        String integration = aGithubIntegration(api, tenant);
        String before = anExtractJob(api, tenant, integration);

        try (Page page = browser.signIn(port, TestBackend.ADMIN_TOKEN, "#/jobs?integration_id=" + integration)) {
            assertThat(page.locator("#job-list tr[data-job='" + before + "']")).isVisible();
            page.evaluate("window.notReloaded = true");

            String after = anExtractJob(api, tenant, integration);

            assertThat(page.locator("#job-list tr[data-job='" + after + "']")).isVisible();
            assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
            assertThat(page.locator("#job-list tbody tr")).hasCount(2);
            UiBrowser.screenshot(page, "jobs");
        }
    }

    @Test
    void syncNowOnTheIntegrationsPageEnqueuesTheIntegrationsJobs() {
        TenantWithKey tenant = aTenant(api);
        String integration = aGithubIntegration(api, tenant);

        try (Page page = browser.signIn(port, tenant.apiKey(), "#/integrations")) {
            Locator card = page.locator("section.integration[data-integration='" + integration + "']");
            assertThat(card).isVisible();
            card.locator("button.sync-now").click();

            // One extract job per GitHub entity type: repositories, issues, pull requests, commits, comments.
            Locator link = card.locator("a.job-link");
            assertThat(link).hasCount(5);
            String jobId = link.first().getAttribute("href").replace("#/jobs/", "");
            ApiClient.Response job = api.get("/api/v1/jobs/" + jobId, tenant.apiKey());
            assertThat(job.status()).isEqualTo(200);
            assertThat(job.text("integration_id")).isEqualTo(integration);
            UiBrowser.screenshot(page, "integrations-sync-now");
        }
    }
}
