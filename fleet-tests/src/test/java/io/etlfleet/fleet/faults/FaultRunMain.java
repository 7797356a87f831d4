package io.etlfleet.fleet.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code ./etl faults}: the full fault-injection run against a private PostgreSQL and a
 * private RabbitMQ node that it starts (and restarts) itself, so the machine's shared services
 * are never touched. Exits 0 when the warehouse matched the source exactly, every job
 * succeeded and the dead-letter queues held exactly the malformed messages.
 *
 * <p>Options: {@code --records N} (default 50000), {@code --extract-kills N} (2),
 * {@code --transform-kills N} (1), {@code --sigterms N} (1), {@code --malformed N} (5),
 * {@code --source-changes N} (3 edits per fake every 300 ms of the full sync), {@code --changes-after-sync},
 * {@code --no-broker-restart}, {@code --no-database-restart}, {@code --timeout-minutes N} (60).
 * {@code ETL_FAULTS_PG_BIN} and {@code ETL_FAULTS_RABBITMQ_BIN} point at other binaries.
 */
public final class FaultRunMain {

    private FaultRunMain() {
    }

    public static void main(String[] args) throws Exception {
        FaultPlan plan = FaultPlan.parse(args);
        // Readable by the service accounts the private instances run as.
        Path base = Files.createTempDirectory("etl-faults-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path pgBin = Path.of(System.getenv().getOrDefault("ETL_FAULTS_PG_BIN", PrivatePostgres.DEFAULT_BIN.toString()));
        Path rabbitBin = Path.of(System.getenv().getOrDefault("ETL_FAULTS_RABBITMQ_BIN",
                PrivateRabbit.DEFAULT_BIN.toString()));
        System.out.println("[faults] private services under " + base);
        FaultRunReport report;
        try (PrivatePostgres postgres = PrivatePostgres.start(base, pgBin);
                PrivateRabbit rabbit = PrivateRabbit.start(base, rabbitBin)) {
            System.out.println("[faults] PostgreSQL on " + postgres.jdbcUrl() + ", RabbitMQ node " + rabbit.node()
                    + " on " + rabbit.amqpUri());
            report = new FaultRun(plan, new FleetServices() {
                public String dbUrl() { return postgres.jdbcUrl(); }
                public String dbUser() { return "etl"; }
                public String dbPassword() { return "etl"; }
                public String amqpUri() { return rabbit.amqpUri(); }
                public boolean restartable() { return true; }
                public void restartBroker() throws Exception { rabbit.restart(); }
                public void restartDatabase() throws Exception { postgres.restart(); }
            }).run();
        }
        System.out.println(report.table());
        if (report.passed()) {
            deleteRecursively(base);
            System.out.println("[faults] app logs: fleet-tests/target/e2e-logs/");
        } else {
            System.out.println("[faults] app logs: fleet-tests/target/e2e-logs/; service data and logs kept in " + base);
        }
        System.exit(report.passed() ? 0 : 1);
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
