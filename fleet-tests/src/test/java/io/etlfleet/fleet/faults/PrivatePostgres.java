package io.etlfleet.fleet.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL server of the fault run's own, in a directory under {@code base}: initdb, then
 * {@code postgres -D … -p <free port> -k <dir>}, so it can be stopped and started without
 * touching the machine's shared server. Role {@code etl} (password {@code etl}) owns database
 * {@code etl}, as on the shared server.
 */
final class PrivatePostgres implements AutoCloseable {

    static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String ACCOUNT = "postgres";

    private final Path bin;
    private final Path data;
    private final Path sockets;
    private final Path log;
    private final int port;
    private Process server;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.data = dir.resolve("data");
        this.sockets = dir.resolve("sockets");
        this.log = dir.resolve("postgres.log");
        this.port = port;
    }

    static PrivatePostgres start(Path base, Path bin) throws IOException, InterruptedException {
        int port = ServiceCommands.freePort();
        Path dir = Files.createDirectories(base.resolve("postgres-" + port));
        Files.createDirectories(dir.resolve("sockets"));
        ServiceCommands.handOver(dir, ACCOUNT);
        PrivatePostgres postgres = new PrivatePostgres(bin, dir, port);
        ServiceCommands.run(postgres.command(List.of(bin.resolve("initdb").toString(), "-D", postgres.data.toString(),
                "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")), postgres.log, Duration.ofMinutes(2));
        postgres.startServer();
        postgres.psql("create role etl login password 'etl' createdb");
        postgres.psql("create database etl owner etl");
        return postgres;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/etl";
    }

    int port() {
        return port;
    }

    /** Fast shutdown (sessions are terminated, as a restart by an operator does), then start again. */
    void restart() throws IOException, InterruptedException {
        stopServer();
        startServer();
    }

    private void startServer() throws IOException, InterruptedException {
        server = ServiceCommands.start(command(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", sockets.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off")), log);
        ServiceCommands.awaitPort(port, true, Duration.ofSeconds(60), "PostgreSQL");
        // The port opens before recovery ends; wait until it answers queries.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                psql("select 1");
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private void stopServer() throws IOException, InterruptedException {
        ServiceCommands.run(command(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
                "-w", "stop")), log, Duration.ofMinutes(1));
        if (server != null) {
            server.waitFor();
        }
        ServiceCommands.awaitPort(port, false, Duration.ofSeconds(30), "PostgreSQL");
    }

    private void psql(String sql) throws IOException, InterruptedException {
        ServiceCommands.run(command(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qtAc", sql)),
                log, Duration.ofSeconds(30));
    }

    private List<String> command(List<String> command) {
        return ServiceCommands.as(ACCOUNT, Map.of(), command);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null && server.isAlive()) {
            stopServer();
        }
    }
}
