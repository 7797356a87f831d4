package io.etlfleet.fleet.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service binaries of the private PostgreSQL and RabbitMQ instances. Run as root,
 * a command runs as the service's own account ({@code postgres}, {@code rabbitmq}): initdb
 * refuses root, and the Erlang CLI needs the cookie of the account the node runs as.
 */
final class ServiceCommands {

    private ServiceCommands() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command line, prefixed to run as {@code account} when this process is root. */
    static List<String> as(String account, Map<String, String> env, List<String> command) {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("runuser", "-u", account, "--"));
        }
        line.add("env");
        env.forEach((name, value) -> line.add(name + "=" + value));
        line.addAll(command);
        return line;
    }

    static Process start(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** Runs to completion; fails with the command's output when it exits non-zero. */
    static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        Process process = start(command, log);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out after " + timeout + ": " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command + "\n" + tail(log));
        }
    }

    /** Lets {@code account} write into {@code dir} (and what is created under it). */
    static void handOver(Path dir, String account) throws IOException, InterruptedException {
        if (isRoot()) {
            Process chown = new ProcessBuilder("chown", "-R", account, dir.toString()).inheritIO().start();
            if (chown.waitFor() != 0) {
                throw new IllegalStateException("chown " + account + " " + dir + " failed");
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void awaitPort(int port, boolean open, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answers(port) != open) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + (open ? " did not open" : " did not close") + " port " + port
                        + " within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
