package io.etlfleet.fleet.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A RabbitMQ node of the fault run's own ({@code faults-<port>@localhost}) with its own
 * ports, data, logs, config and an empty plugin list (no management listener to clash with
 * the shared node's), so it can be restarted without touching the machine's shared broker.
 * Its data survives a restart, as a real broker's does.
 */
final class PrivateRabbit implements AutoCloseable {

    static final Path DEFAULT_BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final String ACCOUNT = "rabbitmq";

    private final Path bin;
    private final Path log;
    private final int port;
    private final String node;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process server;

    private PrivateRabbit(Path bin, Path dir, int port, int distPort) throws IOException {
        this.bin = bin;
        this.log = dir.resolve("rabbitmq.log");
        this.port = port;
        this.node = "faults-" + port + "@localhost";
        Files.writeString(dir.resolve("rabbitmq.conf"), """
                listeners.tcp.default = 127.0.0.1:%d
                disk_free_limit.absolute = 50MB
                """.formatted(port));
        Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
        Files.writeString(dir.resolve("rabbitmq-env.conf"), "");
        if (ServiceCommands.isRoot()) {
            env.put("HOME", "/var/lib/rabbitmq"); // the account's Erlang cookie
        }
        env.put("RABBITMQ_NODENAME", node);
        env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
        env.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
        env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString());
        env.put("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
        env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
        env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
        env.put("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString());
        env.put("ERL_EPMD_ADDRESS", "127.0.0.1");
    }

    static PrivateRabbit start(Path base, Path bin) throws IOException, InterruptedException {
        int port = ServiceCommands.freePort();
        int distPort = ServiceCommands.freePort();
        Path dir = Files.createDirectories(base.resolve("rabbitmq-" + port));
        PrivateRabbit rabbit = new PrivateRabbit(bin, dir, port, distPort);
        ServiceCommands.handOver(dir, ACCOUNT);
        rabbit.startNode();
        return rabbit;
    }

    String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    String node() {
        return node;
    }

    /** Stops the node (connections drop, as in a broker restart) and starts it again with its data. */
    void restart() throws IOException, InterruptedException {
        stopNode();
        startNode();
    }

    private void startNode() throws IOException, InterruptedException {
        server = ServiceCommands.start(ServiceCommands.as(ACCOUNT, env, List.of(bin.resolve("rabbitmq-server").toString())),
                log);
        // The AMQP listener opens last; then the node is registered and the CLI can reach it.
        ServiceCommands.awaitPort(port, true, Duration.ofMinutes(2), "RabbitMQ");
        ctl(Duration.ofMinutes(1), "await_startup", "--timeout", "50");
    }

    private void stopNode() throws IOException, InterruptedException {
        ctl(Duration.ofMinutes(1), "stop");
        if (server != null) {
            server.waitFor();
        }
        ServiceCommands.awaitPort(port, false, Duration.ofSeconds(30), "RabbitMQ");
    }

    private void ctl(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(bin.resolve("rabbitmqctl").toString(), "-n", node));
        command.addAll(List.of(arguments));
        ServiceCommands.run(ServiceCommands.as(ACCOUNT, env, command), log, timeout);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null && server.isAlive()) {
            stopNode();
        }
    }
}
