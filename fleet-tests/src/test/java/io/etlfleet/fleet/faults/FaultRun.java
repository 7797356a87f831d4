package io.etlfleet.fleet.faults;

import io.etlfleet.fleet.FleetApi;
import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.deadletter.DeadLetter;
import io.etlfleet.queue.deadletter.DeadLetters;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.TopologySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import tools.jackson.databind.JsonNode;

/**
 * The fault-injection run: the fleet as separate processes syncs the fake GitHub and Jira
 * (with 5xx and rate limits injected throughout) while worker processes are killed -9 and
 * the broker and database restart at set points of the extraction, and malformed messages
 * arrive. Once every job has finished, an incremental sync catches the changes made at the
 * source meanwhile; then the warehouse is compared with the source, the jobs and the
 * dead-letter queues are checked.
 */
final class FaultRun {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);

    private final FaultPlan plan;
    private final FleetServices services;
    private final FaultRunReport report;
    private final long startedAt = System.nanoTime();

    FaultRun(FaultPlan plan, FleetServices services) {
        this.plan = plan;
        this.services = services;
        this.report = new FaultRunReport(plan);
        if ((plan.restartBroker() || plan.restartDatabase()) && !services.restartable()) {
            throw new IllegalArgumentException("service restarts need private broker and database instances");
        }
    }

    FaultRunReport run() throws Exception {
        String adminToken = FleetProcesses.adminToken();
        Jdbi jdbi = Jdbi.create(services.dbUrl(), services.dbUser(), services.dbPassword());
        try (FaultSource source = new FaultSource(plan.records());
                FleetProcesses fleet = new FleetProcesses(services, adminToken)) {
            log.info("Starting the fleet (1 API, 2 extract and 2 transform worker processes)");
            fleet.start();
            FleetApi api = new FleetApi(fleet.apiPort());
            String key = api.post(adminToken, "/tenants", "{\"name\":\"faults-" + UUID.randomUUID() + "\"}", 201)
                    .path("api_key").asString();
            List<String[]> integrations = new ArrayList<>();
            for (String body : source.integrationBodies()) {
                JsonNode created = api.post(key, "/integrations", body, 201);
                integrations.add(new String[] {created.path("id").asString(), created.path("type").asString()});
            }
            UUID tenantId = jdbi.withHandle(h -> h.createQuery(
                    "select tenant_id from etl.integrations where id = cast(:id as uuid)")
                    .bind("id", integrations.get(0)[0]).mapTo(UUID.class).one());

            CachingConnectionFactory connections = RabbitConnections.create(services.amqpUri(), "fault-run");
            try {
                report.malformed = MalformedMessages.publish(new ConfirmedPublisher(connections), plan.malformed());
                long syncStart = System.nanoTime();
                enqueue(api, key, integrations, "full");
                try (SourceChurn churn = plan.concurrentChanges() ? new SourceChurn(source, plan.sourceChanges()) : null) {
                    driveFaults(fleet, source, jdbi, tenantId);
                    awaitExtractFinished(jdbi, tenantId);
                    if (churn != null) {
                        churn.close();
                        report.concurrentEdits = churn.edits();
                        report.concurrentCreations = churn.creations();
                        log.info("Source edits during the full sync: {} edits, {} new issues", churn.edits(),
                                churn.creations());
                    }
                }
                awaitSettled(jdbi, tenantId);
                if (!plan.concurrentChanges()) {
                    source.changeIssues(plan.sourceChanges());
                }
                log.info("Full sync settled; running an incremental sync for the changes made at the source");
                enqueue(api, key, integrations, "incremental");
                awaitSettled(jdbi, tenantId);
                report.syncTime = Duration.ofNanos(System.nanoTime() - syncStart);
                check(jdbi, tenantId, source, connections);
            } finally {
                connections.destroy();
            }
        }
        report.total = Duration.ofNanos(System.nanoTime() - startedAt);
        return report;
    }

    private static void enqueue(FleetApi api, String key, List<String[]> integrations, String mode) throws Exception {
        for (String[] integration : integrations) {
            api.post(key, "/extractions", "{\"integration_id\":\"%s\",\"entities\":%s,\"mode\":\"%s\"}".formatted(
                    integration[0], FaultSource.entitiesOf(integration[1]), mode), 202);
        }
    }

    /** Fires each planned fault once the extraction has stored its share of the raw records. */
    private void driveFaults(FleetProcesses fleet, FaultSource source, Jdbi jdbi, UUID tenantId) throws Exception {
        List<String> faults = new ArrayList<>();
        int extractKills = plan.extractKills();
        int transformKills = plan.transformKills();
        // Kills and the quick database restart first, the slow broker restart last, so that every
        // fault lands while the extraction still runs (it goes on during a broker outage: pages
        // commit to the database and their transform messages wait in the outbox).
        if (extractKills-- > 0) faults.add("kill -9 extract worker");
        if (transformKills-- > 0) faults.add("kill -9 transform worker");
        if (plan.restartDatabase()) faults.add("restart PostgreSQL");
        for (int i = 0; i < plan.gracefulStops(); i++) faults.add("SIGTERM extract worker");
        while (extractKills-- > 0) faults.add("kill -9 extract worker");
        while (transformKills-- > 0) faults.add("kill -9 transform worker");
        if (plan.restartBroker()) faults.add("restart RabbitMQ");
        double[] schedule = plan.schedule();
        long expected = source.rawRecords();
        long lastTrouble = 0;
        int next = 0;
        while (next < faults.size()) {
            checkTimeout();
            double progress = Math.min(1.0, rawStored(jdbi, tenantId) / (double) expected);
            if (System.nanoTime() - lastTrouble > Duration.ofSeconds(3).toNanos()) {
                source.injectTrouble();
                lastTrouble = System.nanoTime();
            }
            if (next < faults.size() && (progress >= schedule[next] || extractFinished(jdbi, tenantId))) {
                String fault = faults.get(next++);
                Duration at = Duration.ofNanos(System.nanoTime() - startedAt);
                log.info("Injecting '{}' at {}% of the extraction", fault, Math.round(progress * 100));
                String detail = switch (fault) {
                    case "restart RabbitMQ" -> timed(services::restartBroker);
                    case "restart PostgreSQL" -> timed(services::restartDatabase);
                    case "kill -9 extract worker" -> fleet.killAndReplace("extract-workers", jdbi);
                    case "SIGTERM extract worker" -> fleet.stopAndReplace("extract-workers", jdbi);
                    default -> fleet.killAndReplace("transform-workers", jdbi);
                };
                report.injected.add(new FaultRunReport.Injected(fault, progress, at, detail));
                continue;
            }
            Thread.sleep(250);
        }
        report.serverErrors = source.serverErrorsInjected();
        report.rateLimits = source.rateLimitsInjected();
    }

    private interface Restart {
        void run() throws Exception;
    }

    private static String timed(Restart restart) throws Exception {
        long start = System.nanoTime();
        restart.run();
        return "down and back in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms";
    }

    private void awaitSettled(Jdbi jdbi, UUID tenantId) throws Exception {
        while (true) {
            checkTimeout();
            try {
                boolean settled = jdbi.withHandle(h -> h.createQuery("""
                                select not exists (select 1 from etl.etl_jobs where tenant_id = :tenant
                                                    and status not in ('succeeded', 'failed', 'dead', 'cancelled'))
                                   and not exists (select 1 from etl.outbox where published_at is null)""")
                        .bind("tenant", tenantId).mapTo(Boolean.class).one());
                if (settled) {
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("Could not read job states yet: {}", e.toString());
            }
            Thread.sleep(500);
        }
    }

    private void check(Jdbi jdbi, UUID tenantId, FaultSource source, CachingConnectionFactory connections) {
        report.sourceRecords = source.sourceRecords();
        report.entities = WarehouseCheck.compare(jdbi, tenantId, source);
        report.jobStatuses = jdbi.withHandle(h -> h.createQuery("""
                        select status, count(*) from etl.etl_jobs where tenant_id = :tenant group by status""")
                .bind("tenant", tenantId)
                .reduceRows(new TreeMap<String, Long>(), (acc, row) -> {
                    acc.put(row.getColumn(1, String.class), row.getColumn(2, Long.class));
                    return acc;
                }));
        report.pendingOutbox = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from etl.outbox where published_at is null").mapTo(Long.class).one());
        DeadLetters deadLetters = new DeadLetters(connections, new ConfirmedPublisher(connections),
                TopologySettings.defaults());
        List<DeadLetter> letters = new ArrayList<>();
        for (String queue : deadLetters.queues()) {
            letters.addAll(deadLetters.peek(queue, 1_000));
        }
        report.deadLetters = letters;
        report.unmatchedDeadLetters = letters.stream()
                .filter(letter -> report.malformed.stream().noneMatch(sent -> sent.matches(letter))).count();
        report.missingDeadLetters = report.malformed.stream()
                .filter(sent -> letters.stream().noneMatch(sent::matches)).count();
    }

    private void awaitExtractFinished(Jdbi jdbi, UUID tenantId) throws Exception {
        while (!extractFinished(jdbi, tenantId)) {
            checkTimeout();
            Thread.sleep(250);
        }
    }

    private static long rawStored(Jdbi jdbi, UUID tenantId) {
        try {
            return jdbi.withHandle(h -> h.createQuery("""
                            select count(*) from etl.raw_extraction_data
                             where tenant_id = :tenant and entity_type in ('github_issues', 'jira_issues')""")
                    .bind("tenant", tenantId).mapTo(Long.class).one());
        } catch (RuntimeException e) {
            return 0; // the database is restarting
        }
    }

    private static boolean extractFinished(Jdbi jdbi, UUID tenantId) {
        try {
            return jdbi.withHandle(h -> h.createQuery("""
                            select not exists (select 1 from etl.etl_jobs where tenant_id = :tenant and kind = 'extract'
                                                and status not in ('succeeded', 'failed', 'dead', 'cancelled'))""")
                    .bind("tenant", tenantId).mapTo(Boolean.class).one());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void checkTimeout() {
        if (System.nanoTime() - startedAt > plan.timeout().toNanos()) {
            throw new IllegalStateException("the fault run did not settle within " + plan.timeout()
                    + "; injected so far: " + report.injected);
        }
    }

    Map<String, Long> jobStatuses() {
        return report.jobStatuses;
    }
}
