package io.etlfleet.sample.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HTTP server with one handler per path prefix (e.g. {@code /} for GitHub,
 * {@code /jira} later). Counts every request before handing it on.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestCounts counts = new RequestCounts();
    private volatile Duration latency = Duration.ZERO;

    private ApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds the address (port 0 picks a free port); call {@link #mount} and then {@link #start}. */
    public static ApiServer bind(String host, int port, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "sample-source-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            return new ApiServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind sample source to " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public RequestCounts counts() {
        return counts;
    }

    /**
     * Delays every response by {@code value}, like a distant API: a scaling benchmark is then
     * bound by latency, not by this server. Needs as many threads as concurrent requests.
     */
    public void latency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latency = value;
    }

    /** Serves requests below {@code prefix} with {@code handler}; paths reach it without the prefix. */
    public void mount(String prefix, ApiHandler handler) {
        String context = prefix.isEmpty() ? "/" : prefix;
        server.createContext(context, exchange -> serve(exchange, prefix, handler));
    }

    public void start() {
        server.start();
    }

    private void serve(HttpExchange exchange, String prefix, ApiHandler handler) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            delay();
            String path = exchange.getRequestURI().getPath();
            counts.record(path);
            ApiResponse response;
            try {
                response = handler.handle(toRequest(exchange, path.substring(prefix.length())));
            } catch (RuntimeException e) {
                log.error("sample source failed on {} {}", exchange.getRequestMethod(), path, e);
                response = ApiResponse.json(500, "{\"message\":\"Server Error\"}");
            }
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean noBody = response.status() == 304 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                exchange.getResponseBody().write(response.body());
            }
        }
    }

    private void delay() {
        Duration wait = latency;
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ApiRequest toRequest(HttpExchange exchange, String path) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String host = headers.getOrDefault("host", "127.0.0.1:" + exchange.getLocalAddress().getPort());
        List<ApiRequest.QueryParam> query = ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery());
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                path.isEmpty() ? "/" : path, query, headers, "http://" + host);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
