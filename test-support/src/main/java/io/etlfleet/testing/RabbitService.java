package io.etlfleet.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * A reachable RabbitMQ broker on which each test class gets a vhost of its own, created
 * through the management HTTP API (plugin {@code rabbitmq_management}).
 */
public record RabbitService(String host, int port, String user, String password, URI managementUrl) {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            // The management plugin mishandles an h2c upgrade on requests with a body.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static RabbitService fromUri(URI amqp, URI management) {
        String[] userInfo = amqp.getUserInfo() == null ? new String[] {"guest", "guest"} : amqp.getUserInfo().split(":", 2);
        int port = amqp.getPort() < 0 ? 5672 : amqp.getPort();
        return new RabbitService(amqp.getHost(), port, userInfo[0], userInfo.length > 1 ? userInfo[1] : "", management);
    }

    public TestVhost createVhost(String label) {
        String name = ("etl-test-" + label + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        String path = "/api/vhosts/" + encode(name);
        management("PUT", path, "{}");
        management("PUT", "/api/permissions/" + encode(name) + "/" + encode(user),
                "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
        return new TestVhost(this, name);
    }

    /** Sends a request to the management API and returns the body; non-2xx fails. */
    public String management(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(managementUrl.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("RabbitMQ management " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("RabbitMQ management API not reachable at " + managementUrl
                    + " (enable it with: rabbitmq-plugins enable rabbitmq_management)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
