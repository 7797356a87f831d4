package io.etlfleet.api.schedules;

import static io.etlfleet.api.Fixtures.aGithubIntegration;
import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.BackendApiApplication;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two API instances, each with its schedule runner ticking fast, against one database and
 * broker: every due schedule fires exactly once, enqueueing exactly one job and one message.
 */
class TwoInstanceSchedulesIT {

    private static final int SCHEDULES = 20;
    private static final Logger log = LoggerFactory.getLogger(TwoInstanceSchedulesIT.class);

    private static TestBackend backend;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        backend = TestBackend.start("two-instances");
        first = start();
        second = start();
    }

    @AfterAll
    static void stopInstances() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void eachDueScheduleEnqueuesExactlyOnceAcrossBothInstances() {
        ApiClient api = new ApiClient(port(first));
        ScheduleApi schedules = new ScheduleApi(api, first.getBean(Jdbi.class));
        TenantWithKey tenant = aTenant(api);
        List<String> integrations = new ArrayList<>();
        List<String> scheduleIds = new ArrayList<>();
        IntStream.range(0, SCHEDULES).forEach(i -> {
            String integration = aGithubIntegration(api, tenant);
            integrations.add(integration);
            scheduleIds.add(schedules.aYearlySchedule(tenant.apiKey(), integration));
        });

        schedules.makeDue(scheduleIds);

        Awaitility.await("every schedule fired").atMost(Duration.ofSeconds(30))
                .until(() -> scheduleIds.stream().allMatch(id -> schedules.runs(id) >= 1));
        awaitMoreTicksOfBothRunners(3);
        scheduleIds.forEach(id -> assertThat(schedules.runs(id)).as("firings of schedule %s", id).isEqualTo(1));
        integrations.forEach(id -> assertThat(schedules.extractJobs(id)).as("extract jobs of %s", id).isEqualTo(1));
        Jdbi jdbi = first.getBean(Jdbi.class);
        long messages = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.outbox o join etl.etl_jobs j on o.message_id = j.id::text
                         where j.integration_id = any(:ids)""")
                .bindArray("ids", UUID.class, integrations.stream().map(UUID::fromString).toList())
                .mapTo(Long.class).one());
        assertThat(messages).isEqualTo(SCHEDULES);
        Awaitility.await("every job's message on the extract queue").atMost(Duration.ofSeconds(30))
                .until(() -> extractQueueDepth() == extractJobsInDatabase(jdbi));
        List<Map<String, Object>> perInstance = jdbi.withHandle(h -> h.createQuery(
                "select fired_by, count(*) from etl.schedule_runs group by fired_by").mapToMap().list());
        log.info("Firings per instance: {}", perInstance);
    }

    @Test
    void dueAgainWhileTheirJobsAreQueuedEverySchedulesSkipsOnceAndEnqueuesNothing() {
        ApiClient api = new ApiClient(port(second));
        ScheduleApi schedules = new ScheduleApi(api, second.getBean(Jdbi.class));
        TenantWithKey tenant = aTenant(api);
        List<String> integrations = new ArrayList<>();
        List<String> scheduleIds = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> {
            String integration = aGithubIntegration(api, tenant);
            integrations.add(integration);
            scheduleIds.add(schedules.aYearlySchedule(tenant.apiKey(), integration));
        });
        schedules.makeDue(scheduleIds);
        Awaitility.await("first firing").atMost(Duration.ofSeconds(30))
                .until(() -> scheduleIds.stream().allMatch(id -> schedules.runs(id) >= 1));

        schedules.makeDue(scheduleIds);

        Awaitility.await("second firing").atMost(Duration.ofSeconds(30))
                .until(() -> scheduleIds.stream().allMatch(id -> schedules.runs(id) >= 2));
        awaitMoreTicksOfBothRunners(3);
        scheduleIds.forEach(id -> assertThat(schedules.runs(id)).isEqualTo(2));
        integrations.forEach(id -> assertThat(schedules.extractJobs(id)).isEqualTo(1));
        Jdbi jdbi = second.getBean(Jdbi.class);
        List<String> outcomes = jdbi.withHandle(h -> h.createQuery("""
                        select outcome from etl.schedule_runs where schedule_id = any(:ids) order by fired_at, id""")
                .bindArray("ids", UUID.class, scheduleIds.stream().map(UUID::fromString).toList())
                .mapTo(String.class).list());
        assertThat(outcomes).containsExactlyElementsOf(
                        IntStream.range(0, 10).mapToObj(i -> i < 5 ? "enqueued" : "skipped").toList());
    }

    private static void awaitMoreTicksOfBothRunners(int ticks) {
        long firstAt = first.getBean(ScheduleRunner.class).ticks();
        long secondAt = second.getBean(ScheduleRunner.class).ticks();
        Awaitility.await("both runners ticked " + ticks + " more times").atMost(Duration.ofSeconds(30))
                .until(() -> first.getBean(ScheduleRunner.class).ticks() >= firstAt + ticks
                        && second.getBean(ScheduleRunner.class).ticks() >= secondAt + ticks);
    }

    private static long extractJobsInDatabase(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from etl.etl_jobs where kind = 'extract'")
                .mapTo(Long.class).one());
    }

    /** Messages on the type's extract queues; the schedules' full extractions travel the backfill one. */
    private static long extractQueueDepth() {
        RabbitAdmin admin = new RabbitAdmin(first.getBean(ConnectionFactory.class));
        return admin.getQueueInfo("etl.extract.github").getMessageCount()
                + admin.getQueueInfo("etl.extract.github.backfill").getMessageCount();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        TestBackend.register((name, value) -> properties.put(name, value.get()), () -> backend);
        properties.put("server.port", 0);
        properties.put("etl.api.scheduler.interval", "20ms");
        // Small batches, so both instances take schedules from the same due set.
        properties.put("etl.api.scheduler.batch-size", 2);
        // Command-line arguments: they outrank application.yml (e.g. its server.port).
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BackendApiApplication.class).run(args);
    }
}
