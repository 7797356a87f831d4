package io.etlfleet.api.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static io.etlfleet.api.Fixtures.anExtractJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.consume.JobConsumer;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.storage.sync.SyncState;
import io.etlfleet.storage.sync.SyncStateStore;
import io.etlfleet.storage.workers.WorkerRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The UI's operations pages in Chromium against the running app and its broker: queue depths,
 * dead letters (replayed from the UI), workers, jobs by status, cancel and retry, integrations'
 * sync state. These pages read {@code GET /queues}, {@code /dead-letters}, {@code /schedules}
 * (api-ops), {@code GET /workers} (scaling), {@code GET /jobs/stats}, {@code POST /jobs/{id}/cancel|retry},
 * {@code GET /integrations/{id}/sync-state} (api-core) and {@code GET /integrations/{id}/rate-limit}
 * (gh-connector).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MonitoringUiOpsIT {

    private static UiBrowser browser;
    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private ConfirmedPublisher publisher;
    @Autowired
    private TopologySettings topology;
    @Autowired
    private Jdbi jdbi;

    @BeforeAll
    static void start() {
        UiBrowser.requireChromium();
        backend = TestBackend.start("ui-ops");
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

    @Test
    void overviewShowsEveryQueueByKindWithItsDepthAfterMessagesArePublished() {
        publish("etl.extract", "jira", 3);
        publish("etl.transform", "jdbc", 2);
        TenantWithKey tenant = aTenant(new ApiClient(port));
        anExtractJob(new ApiClient(port), tenant, aGithubIntegration(new ApiClient(port), tenant));

        try (Page page = browser.signIn(port, TestBackend.ADMIN_TOKEN, "#/overview")) {
            UiBrowser.assertNoApiErrors(page);
            assertThat(queueRow(page, "extract", "etl.extract.jira").locator("td.depth")).hasText("3");
            assertThat(queueRow(page, "transform", "etl.transform.jdbc").locator("td.depth")).hasText("2");
            assertThat(queueRow(page, "transform", "etl.transform.github").locator("td.depth")).hasText("0");
            assertThat(queueRow(page, "dead_letter", "etl.extract.jira.dlq").locator("td.depth")).hasText("0");
            assertThat(queueRow(page, "dead_letter", "etl.extract.jira.dlq")).not().hasClass("alert");
            assertThat(page.locator(".queue-group[data-kind='retry'] tbody tr").first()).containsText("etl.retry.");
            assertThat(queueRow(page, "extract", "etl.extract.jira").locator("svg.sparkline polyline")).hasCount(1);
            assertThat(page.locator("#job-stats .legend")).containsText("queued");
            UiBrowser.screenshot(page, "overview");
        }
    }

    @Test
    void deadLetterOfAPoisonMessageIsReplayedFromTheUiAndLeavesTheDeadLetterQueue() {
        String messageId = "poison-" + UUID.randomUUID();
        String poison = "{\"v\": 1, \"job_id\": \"0b6f9e9c";
        deadLetter("etl.extract.jdbc", messageId, poison);

        try (Page page = browser.signIn(port, TestBackend.ADMIN_TOKEN, "#/overview")) {
            UiBrowser.assertNoApiErrors(page);
            Locator dlq = queueRow(page, "dead_letter", "etl.extract.jdbc.dlq");
            assertThat(dlq).hasClass("alert");
            assertThat(dlq.locator("td.depth")).hasText("1");
            assertThat(page.locator("#dlq-summary")).containsText("1 message in dead-letter queues");

            page.locator("#nav a[data-page='dead-letters']").click();
            UiBrowser.assertNoApiErrors(page);
            Locator group = page.locator("#dead-letter-groups tr[data-queue='etl.extract.jdbc.dlq']");
            assertThat(group).containsText(MalformedMessageException.class.getName());
            assertThat(group.locator("td.count")).hasText("1");
            group.locator("button.show-group").click();
            page.locator("#dead-letter-items tr[data-message='" + messageId + "']").click();
            Locator message = page.locator("#dead-letter-message");
            assertThat(message.locator("table.headers")).containsText("x-etl-error-class");
            assertThat(message.locator("table.headers")).containsText("decode");
            assertThat(message.locator("pre.body")).hasText(poison);
            UiBrowser.screenshot(page, "dead-letters");

            message.locator("#replay-message").click();
            assertThat(page.locator("#confirm")).isVisible();
            assertThat(page.locator("#confirm-text")).containsText(messageId);
            page.locator("#confirm-ok").click();

            assertThat(page.locator("#notices")).containsText("Replayed 1 message");
            assertThat(page.locator("#no-dead-letters")).isVisible();
            await().atMost(Duration.ofSeconds(10)).until(() -> depth("etl.extract.jdbc") == 1);
            assertThat(depth("etl.extract.jdbc.dlq")).isZero();
            page.locator("#nav a[data-page='overview']").click();
            assertThat(queueRow(page, "dead_letter", "etl.extract.jdbc.dlq").locator("td.depth")).hasText("0");
            assertThat(queueRow(page, "dead_letter", "etl.extract.jdbc.dlq")).not().hasClass("alert");
        }
    }

    @Test
    void workersPageShowsConcurrencyAndJobsInHandPerTypeFlagsAStaleWorkerAndSetsDesiredConcurrency() {
        WorkerRegistry workers = new WorkerRegistry(jdbi);
        String live = "extract-live-" + UUID.randomUUID();
        String stale = "extract-stale-" + UUID.randomUUID();
        workers.register(live, "extract", List.of("github"), Map.of("github", 4), "host-a", 101);
        workers.heartbeat(live, 3);
        workers.register(stale, "extract", List.of("github"), Map.of("github", 2), "host-b", 202);
        jdbi.useHandle(h -> h.execute(
                "update etl.workers set heartbeat_at = now() - interval '5 minutes' where id = ?", stale));

        try (Page page = browser.signIn(port, TestBackend.ADMIN_TOKEN, "#/workers")) {
            UiBrowser.assertNoApiErrors(page);
            Locator liveRow = page.locator("#worker-list tr[data-worker='" + live + "']");
            Locator staleRow = page.locator("#worker-list tr[data-worker='" + stale + "']");
            assertThat(liveRow).containsText("github=4");
            assertThat(liveRow).not().hasClass("alert stale");
            assertThat(staleRow).hasClass("alert stale");
            assertThat(staleRow.locator("td.heartbeat")).containsText("stale");
            Locator github = page.locator("#worker-types tr[data-type='extract/github']");
            assertThat(github.locator("td").nth(2)).hasText("2");
            assertThat(github.locator("td").nth(3)).hasText("6");
            assertThat(github.locator("td").nth(5)).hasText("3");
            UiBrowser.screenshot(page, "workers");

            page.locator("#concurrency-type").selectOption("extract/github");
            page.locator("#concurrency-value").fill("5");
            page.locator("#concurrency-form button[type='submit']").click();
            assertThat(page.locator("#notices")).containsText("Desired concurrency of extract/github set to 5");
        }
    }

    @Test
    void jobDetailCancelsAQueuedJobAfterConfirmationAndRetriesIt() {
        ApiClient api = new ApiClient(port);
        TenantWithKey tenant = aTenant(api);
        String jobId = anExtractJob(api, tenant, aGithubIntegration(api, tenant));

        try (Page page = browser.signIn(port, tenant.apiKey(), "#/jobs/" + jobId)) {
            UiBrowser.assertNoApiErrors(page);
            assertThat(page.locator("#retry-job")).isDisabled();
            page.locator("#cancel-job").click();
            assertThat(page.locator("#confirm-text")).containsText(jobId);
            page.locator("#confirm-ok").click();

            assertThat(page.locator("#notices")).containsText("Cancelled job");
            assertThat(page.locator("#job-detail dl")).containsText("cancelled");
            assertThat(api.get("/api/v1/jobs/" + jobId, tenant.apiKey()).text("status")).isEqualTo("cancelled");
            assertThat(page.locator("#job-detail table.timeline")).containsText("cancelled");
            assertThat(page.locator("#cancel-job")).isDisabled();

            page.locator("#retry-job").click();
            assertThat(page.locator("#notices")).containsText("Retried job");
            assertThat(page.locator("#job-detail dl")).containsText("queued");
            assertThat(page.locator("#cancel-job")).isEnabled();
        }
    }

    @Test
    void integrationsPageShowsTheCursorOfEachEntityItHasSynced() {
        ApiClient api = new ApiClient(port);
        TenantWithKey tenant = aTenant(api);
        String integration = aGithubIntegration(api, tenant);
        SyncState cursor = new SyncState(UUID.fromString(tenant.id()), UUID.fromString(integration), "github_issues",
                "acme/app", Map.of("updated_at", "2026-12-01T10:00:00Z"), null, null, null, null);
        jdbi.useHandle(h -> new SyncStateStore(jdbi).save(h, cursor));

        try (Page page = browser.signIn(port, tenant.apiKey(), "#/integrations")) {
            UiBrowser.assertNoApiErrors(page);
            Locator card = page.locator("section.integration[data-integration='" + integration + "']");
            Locator issues = card.locator("table.entities tr[data-entity='github_issues']");
            assertThat(issues).containsText("acme/app");
            assertThat(issues.locator("td").nth(2)).not().hasText("–");
            assertThat(card.locator("dd.next-run")).hasText("none");
            assertThat(card.locator("dd.budget")).hasText("not reported by the source");
            UiBrowser.screenshot(page, "integrations");
        }
    }

    private static Locator queueRow(Page page, String kind, String queue) {
        return page.locator(".queue-group[data-kind='" + kind + "'] tr[data-queue='" + queue + "']");
    }

    private void publish(String exchange, String type, int count) {
        for (int i = 0; i < count; i++) {
            publisher.publish(OutgoingMessage.of(exchange, type, "depth-" + UUID.randomUUID(),
                    "{\"v\":1}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Lets a real consumer dead-letter the poison message, then stops it, as a crashed fleet would leave it. */
    private void deadLetter(String queue, String messageId, String body) {
        JobConsumers consumers = new JobConsumers(connectionFactory, publisher, topology);
        ConsumerSettings settings = ConsumerSettings.of("extract", "ui-test-worker");
        try (JobConsumer consumer = consumers.create(queue, ExtractJobMessage.class, (job, context) -> { },
                FailureClassifier.retryUnlessMalformed(), settings)) {
            consumer.start();
            publisher.publish(OutgoingMessage.of("etl.extract", queue.substring(queue.lastIndexOf('.') + 1), messageId,
                    body.getBytes(StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(20)).until(() -> depth(queue + ".dlq") == 1);
        }
    }

    private long depth(String queue) {
        return new RabbitTemplate(connectionFactory).execute(channel -> channel.queueDeclarePassive(queue).getMessageCount());
    }
}
