package io.etlfleet.fleet;

import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The backend API, extract workers and transform workers as processes from their jars, against
 * a PostgreSQL database and a RabbitMQ vhost of their own, all healthy once {@link #start}
 * returns. Closing stops the apps, then drops the vhost and the database.
 */
final class ProcessFleet implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final TestDatabase database;
    private final TestVhost vhost;
    private final List<AppProcess> apps = new ArrayList<>();
    private final Jdbi jdbi;
    private FleetApi client;

    private ProcessFleet(String name) {
        database = TestServices.postgres().createDatabase("e2e_" + name);
        TestVhost created;
        try {
            created = TestServices.rabbit().createVhost("e2e-" + name);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        vhost = created;
        jdbi = Jdbi.create(database.url(), database.user(), database.password());
    }

    /**
     * @param name     names the database ({@code e2e_<name>}) and vhost ({@code e2e-<name>})
     * @param extraEnv environment beyond the connection settings, admin token and master key
     */
    static ProcessFleet start(String name, String adminToken, Map<String, String> extraEnv) throws Exception {
        ProcessFleet fleet = new ProcessFleet(name);
        try {
            byte[] masterKey = new byte[32];
            new SecureRandom().nextBytes(masterKey);
            Map<String, String> env = new HashMap<>(Map.of(
                    "ETL_DB_URL", fleet.database.url(),
                    "ETL_DB_USER", fleet.database.user(),
                    "ETL_DB_PASSWORD", fleet.database.password(),
                    "ETL_RABBITMQ_URI", fleet.vhost.amqpUri(),
                    "ETL_ADMIN_TOKEN", adminToken,
                    "ETL_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey),
                    "ETL_LOG_FORMAT", ""));
            env.putAll(extraEnv);
            for (String module : List.of("backend-api", "extract-workers", "transform-workers")) {
                fleet.apps.add(AppProcess.start(module, freePort(), env));
            }
            for (AppProcess app : fleet.apps) {
                app.awaitHealthy(STARTUP);
            }
            fleet.client = new FleetApi(fleet.api().port());
            return fleet;
        } catch (Exception | Error e) {
            fleet.close();
            throw e;
        }
    }

    AppProcess api() {
        return apps.get(0);
    }

    AppProcess extract() {
        return apps.get(1);
    }

    AppProcess transform() {
        return apps.get(2);
    }

    List<AppProcess> apps() {
        return List.copyOf(apps);
    }

    FleetApi client() {
        return client;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    TestVhost vhost() {
        return vhost;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            for (AppProcess app : apps) {
                app.close();
            }
        } finally {
            vhost.close();
            database.close();
        }
    }
}
