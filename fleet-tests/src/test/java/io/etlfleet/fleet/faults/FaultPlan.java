package io.etlfleet.fleet.faults;

import java.time.Duration;

/**
 * What a fault run does.
 *
 * @param records         issues at the source, half GitHub (two repositories), half Jira (two projects)
 * @param extractKills    kill -9 of an extract worker holding a job, spread over the sync
 * @param transformKills  kill -9 of a transform worker
 * @param gracefulStops   SIGTERM of an extract worker holding a job: it must hand the job back and exit
 * @param restartBroker   stop and start RabbitMQ once during the sync (needs a private broker)
 * @param restartDatabase stop and start PostgreSQL once during the sync (needs a private server)
 * @param malformed       malformed messages published to the work queues (at most 5 kinds, cycled)
 * @param sourceChanges   with concurrent changes, issues edited at each fake every 300 ms while the full
 *                        sync extracts (plus an issue created in each repository and project every 3 s);
 *                        otherwise issues changed once after the full sync. The incremental sync after
 *                        the full one must catch them all.
 * @param concurrentChanges edit the sources while the full sync pages through them (the default): an
 *                        edited record moves within updated-ordered listings between page requests, which
 *                        is what makes position-based paging skip records
 * @param timeout         the whole run's limit
 */
public record FaultPlan(int records, int extractKills, int transformKills, int gracefulStops, boolean restartBroker,
        boolean restartDatabase, int malformed, int sourceChanges, boolean concurrentChanges, Duration timeout) {

    public FaultPlan {
        if (records < 400 || extractKills < 0 || transformKills < 0 || gracefulStops < 0 || malformed < 0 || sourceChanges < 0) {
            throw new IllegalArgumentException("records must be at least 400; counts must not be negative");
        }
    }

    /** The full run the issue asks for: 50,000 records, three kills, a SIGTERM, both restarts. */
    public static FaultPlan full() {
        return new FaultPlan(50_000, 2, 1, 1, true, true, 5, 3, true, Duration.ofMinutes(60));
    }

    /** The CI variant: a few thousand records, one extract worker kill and one SIGTERM, no service restarts. */
    public static FaultPlan ci() {
        return new FaultPlan(3_000, 1, 0, 1, false, false, 5, 3, true, Duration.ofMinutes(10));
    }

    /** Fractions of the extraction at which the faults fire, in order. */
    double[] schedule() {
        int faults = extractKills + transformKills + gracefulStops + (restartBroker ? 1 : 0) + (restartDatabase ? 1 : 0);
        double[] at = new double[faults];
        for (int i = 0; i < faults; i++) {
            at[i] = 0.05 + 0.5 * i / Math.max(1, faults - 1);
        }
        return at;
    }

    /** {@code --records N --extract-kills N --transform-kills N --no-broker-restart --no-database-restart ...} */
    public static FaultPlan parse(String[] args) {
        FaultPlan plan = full();
        int records = plan.records, extractKills = plan.extractKills, transformKills = plan.transformKills;
        int gracefulStops = plan.gracefulStops;
        int malformed = plan.malformed, changes = plan.sourceChanges;
        boolean broker = plan.restartBroker, database = plan.restartDatabase, concurrent = plan.concurrentChanges;
        Duration timeout = plan.timeout;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--records" -> { records = Integer.parseInt(value); i++; }
                case "--extract-kills" -> { extractKills = Integer.parseInt(value); i++; }
                case "--transform-kills" -> { transformKills = Integer.parseInt(value); i++; }
                case "--sigterms" -> { gracefulStops = Integer.parseInt(value); i++; }
                case "--malformed" -> { malformed = Integer.parseInt(value); i++; }
                case "--source-changes" -> { changes = Integer.parseInt(value); i++; }
                case "--timeout-minutes" -> { timeout = Duration.ofMinutes(Long.parseLong(value)); i++; }
                case "--no-broker-restart" -> broker = false;
                case "--concurrent-changes" -> concurrent = true;
                case "--changes-after-sync" -> concurrent = false;
                case "--no-database-restart" -> database = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new FaultPlan(records, extractKills, transformKills, gracefulStops, broker, database, malformed, changes, concurrent, timeout);
    }
}
