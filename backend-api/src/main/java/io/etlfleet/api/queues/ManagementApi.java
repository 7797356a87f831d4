package io.etlfleet.api.queues;

import io.etlfleet.queue.connection.RabbitEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the queues of the fleet's vhost from the RabbitMQ management HTTP API
 * ({@code GET /api/queues/<vhost>}), with the broker's own user and password.
 */
final class ManagementApi {

    private static final String COLUMNS = "name,messages_ready,messages_unacknowledged,consumers,message_stats";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI baseUrl;
    private final RabbitEndpoint endpoint;
    private final Duration timeout;

    ManagementApi(URI baseUrl, RabbitEndpoint endpoint, Duration timeout) {
        this.baseUrl = baseUrl;
        this.endpoint = endpoint;
        this.timeout = timeout;
        // The management plugin mishandles an h2c upgrade; HTTP/1.1 avoids it.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The management URL for a broker: the configured one, else port 15672 of the broker's host. */
    static URI resolve(String configured, RabbitEndpoint endpoint) {
        String url = configured == null || configured.isBlank()
                ? (endpoint.tls() ? "https://" : "http://") + endpoint.host() + ":15672" : configured.trim();
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    URI baseUrl() {
        return baseUrl;
    }

    /**
     * Every queue of the vhost by name.
     *
     * @throws IOException when the API is unreachable or answers anything but 200
     */
    Map<String, ManagementQueue> queues() throws IOException {
        URI uri = baseUrl.resolve("api/queues/" + encode(endpoint.virtualHost()) + "?columns=" + COLUMNS);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (endpoint.username() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the management API", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("management API answered " + response.statusCode());
        }
        Map<String, ManagementQueue> queues = new LinkedHashMap<>();
        for (JsonNode queue : JSON.readTree(response.body())) {
            JsonNode stats = queue.path("message_stats");
            String name = queue.path("name").asString();
            queues.put(name, new ManagementQueue(name, queue.path("messages_ready").asLong(0),
                    queue.path("messages_unacknowledged").asLong(0), queue.path("consumers").asInt(0),
                    stats.path("publish_details").path("rate").asDouble(0),
                    stats.path("deliver_get_details").path("rate").asDouble(0)));
        }
        return queues;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
