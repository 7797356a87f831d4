package io.etlfleet.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The backend API as a script or a team's backend calls it: JSON over HTTP with a bearer key. */
public final class FleetApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    public FleetApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port + "/api/v1";
    }

    public JsonNode post(String key, String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(key, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    public JsonNode put(String key, String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(key, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    /** Sends {@code content} as multipart field {@code file} named {@code fileName}. */
    public JsonNode upload(String key, String path, String fileName, byte[] content, int expectedStatus)
            throws IOException, InterruptedException {
        String boundary = "etl-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(key, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), expectedStatus);
    }

    public JsonNode get(String key, String path, int expectedStatus) throws IOException, InterruptedException {
        return send(key, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), expectedStatus);
    }

    public JsonNode job(String key, String id) throws IOException, InterruptedException {
        return get(key, "/jobs/" + id, 200);
    }

    /** Ids of the jobs an extraction request enqueued. */
    List<String> enqueue(String key, String integrationId, String mode) throws IOException, InterruptedException {
        return enqueue(key, integrationId, mode, List.of());
    }

    /** Ids of the jobs an extraction of {@code entities} (all when empty) enqueued. */
    List<String> enqueue(String key, String integrationId, String mode, List<String> entities)
            throws IOException, InterruptedException {
        String named = entities.isEmpty() ? "" : ",\"entities\":[\"" + String.join("\",\"", entities) + "\"]";
        JsonNode response = post(key, "/extractions",
                "{\"integration_id\":\"" + integrationId + "\",\"mode\":\"" + mode + "\"" + named + "}", 202);
        List<String> ids = new ArrayList<>();
        response.path("jobs").forEach(job -> ids.add(job.path("id").asString()));
        return ids;
    }

    private JsonNode send(String key, HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ", expected " + expectedStatus + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
