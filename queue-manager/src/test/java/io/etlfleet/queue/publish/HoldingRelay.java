package io.etlfleet.queue.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay between a client and the broker that can hold back what the broker sends: once
 * {@link #holdReplies()} is called, the broker's frames (publisher confirms among them) stop
 * reaching the client while the client's frames still reach the broker. So a test can make
 * confirms go missing deterministically, which no broker setting does.
 */
final class HoldingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final String brokerHost;
    private final int brokerPort;
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean holding;

    HoldingRelay(String brokerHost, int brokerPort) {
        this.brokerHost = brokerHost;
        this.brokerPort = brokerPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("relay-accept", this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    void holdReplies() {
        holding = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(brokerHost, brokerPort);
                sockets.add(client);
                sockets.add(broker);
                daemon("relay-up", () -> copy(client, broker, false));
                daemon("relay-down", () -> copy(broker, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to, boolean holdable) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (holdable && holding) {
                    released.await();
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The relay or one of its ends was closed.
        }
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
