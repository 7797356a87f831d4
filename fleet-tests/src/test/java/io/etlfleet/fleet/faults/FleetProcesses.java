package io.etlfleet.fleet.faults;

import io.etlfleet.fleet.AppProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The fleet under test as separate processes: one backend API, two extract workers and two
 * transform workers, started from their jars. A killed worker is replaced by a new process,
 * as a supervisor (systemd, Kubernetes) would do.
 */
final class FleetProcesses implements AutoCloseable {

    static final Duration STARTUP = Duration.ofMinutes(3);

    private final Map<String, String> env = new HashMap<>();
    private final List<AppProcess> extract = new ArrayList<>();
    private final List<AppProcess> transform = new ArrayList<>();
    private final List<AppProcess> all = new ArrayList<>();
    private AppProcess api;

    FleetProcesses(FleetServices services, String adminToken) {
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        env.put("ETL_DB_URL", services.dbUrl());
        env.put("ETL_DB_USER", services.dbUser());
        env.put("ETL_DB_PASSWORD", services.dbPassword());
        env.put("ETL_RABBITMQ_URI", services.amqpUri());
        env.put("ETL_ADMIN_TOKEN", adminToken);
        env.put("ETL_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        env.put("ETL_LOG_FORMAT", "");
        // A dead worker's job is handed back after 10 s instead of a minute.
        env.put("ETL_JOB_HEARTBEAT_INTERVAL", "2s");
        env.put("ETL_JOB_STALE_AFTER", "10s");
        env.put("ETL_OUTBOX_INTERVAL", "200ms");
        env.put("ETL_SHUTDOWN_TIMEOUT", "20s"); // within AppProcess.close()'s 30 s before it kills
        env.put("ETL_EXTRACT_TYPES", "github,jira");
        env.put("ETL_EXTRACT_CONCURRENCY", "github=2,jira=2");
        env.put("ETL_TRANSFORM_TYPES", "github,jira");
    }

    void start() throws IOException {
        api = launch("backend-api");
        for (int i = 0; i < 2; i++) {
            extract.add(launch("extract-workers"));
            transform.add(launch("transform-workers"));
        }
        for (AppProcess process : all) {
            process.awaitHealthy(STARTUP);
        }
    }

    int apiPort() {
        return api.port();
    }

    /**
     * Kills -9 the worker of {@code module} holding the most running jobs (any of them when none
     * holds one) and starts a replacement.
     *
     * @return a description of what was killed
     */
    String killAndReplace(String module, Jdbi jdbi) throws Exception {
        Victim victim = choose(module, jdbi);
        victim.process().kill();
        return "pid " + victim.process().pid() + victim.holding() + ", replaced by pid " + replace(module).pid();
    }

    /**
     * Sends SIGTERM to the worker of {@code module} holding the most running jobs, waits for it
     * to exit and starts a replacement.
     *
     * @return what it did: exit code, time to exit, jobs it handed back at a page boundary
     */
    String stopAndReplace(String module, Jdbi jdbi) throws Exception {
        Victim victim = choose(module, jdbi);
        long start = System.nanoTime();
        victim.process().close();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        long handedBack = victim.process().log().lines().filter(l -> l.contains("handed back to the queue")).count();
        return "pid " + victim.process().pid() + victim.holding() + " exited " + victim.process().exitValue() + " after "
                + millis + " ms, " + handedBack + " job(s) handed back; replaced by pid " + replace(module).pid();
    }

    private record Victim(AppProcess process, String holding) {
    }

    /** The worker holding the most running jobs, or the first one when none holds a job. */
    private Victim choose(String module, Jdbi jdbi) throws InterruptedException {
        List<AppProcess> workers = workers(module);
        String kind = module.equals("extract-workers") ? "extract" : "transform";
        // Transform jobs are short: look a few times for a worker caught in the middle of one.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            List<String> holders = jdbi.withHandle(h -> h.createQuery("""
                            select worker_id from etl.etl_jobs where status = 'running' and kind = :kind
                             group by worker_id order by count(*) desc""")
                    .bind("kind", kind).mapTo(String.class).list());
            for (String holder : holders) {
                Optional<AppProcess> match = workers.stream().filter(w -> w.isAlive())
                        .filter(w -> holder.contains(":" + w.pid() + ":")).findFirst();
                if (match.isPresent()) {
                    return new Victim(match.get(), " (held running jobs)");
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return new Victim(workers.stream().filter(AppProcess::isAlive).findFirst().orElse(workers.get(0)),
                " (held no job at that moment)");
    }

    // Not awaited: the fleet carries on meanwhile, and the next fault may come before it is up.
    private AppProcess replace(String module) throws IOException {
        List<AppProcess> workers = workers(module);
        workers.removeIf(w -> !w.isAlive());
        AppProcess replacement = launch(module);
        workers.add(replacement);
        return replacement;
    }

    private List<AppProcess> workers(String module) {
        return module.equals("extract-workers") ? extract : transform;
    }

    private AppProcess launch(String module) throws IOException {
        AppProcess process = AppProcess.start(module, ServiceCommands.freePort(), env);
        all.add(process);
        return process;
    }

    static String adminToken() {
        return "admin-" + UUID.randomUUID();
    }

    @Override
    public void close() throws InterruptedException {
        for (AppProcess process : all) {
            process.close();
        }
    }
}
