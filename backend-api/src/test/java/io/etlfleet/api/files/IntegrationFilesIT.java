package io.etlfleet.api.files;

import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.Fixtures.TenantWithKey;
import io.etlfleet.api.TestBackend;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code /integrations/{id}/files}: chunked storage, same bytes kept once, limits and refusals named. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "etl.api.max-upload-size=3MB")
@DirtiesContext
class IntegrationFilesIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;

    private ApiClient api;
    private TenantWithKey tenant;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("integration_files");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestBackend.register(registry, () -> backend);
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void aTenantWithItsKey() {
        api = new ApiClient(port);
        tenant = aTenant(api);
    }

    @Test
    void storesAFileLargerThanAChunkAndKeepsTheSameBytesOnce() {
        String id = integration("csv", "{}");
        byte[] content = csv(2_500_000);

        ApiClient.Response first = upload(tenant.apiKey(), id, "big.csv", content);
        ApiClient.Response again = upload(tenant.apiKey(), id, "renamed.csv", content);
        ApiClient.Response other = upload(tenant.apiKey(), id, "small.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        JsonNode listed = api.get("/api/v1/integrations/" + id + "/files", tenant.apiKey()).json().path("items");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("size").asLong()).isEqualTo(content.length);
        assertThat(first.json().path("sha256").asString()).hasSize(64);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(again.json().path("created").asBoolean()).isFalse();
        assertThat(other.status()).isEqualTo(201);
        assertThat(listed.size()).isEqualTo(2);
        assertThat(listed.get(0).path("name").asString()).isEqualTo("big.csv");
        assertThat(listed.get(1).path("name").asString()).isEqualTo("small.csv");
    }

    @Test
    void refusesAFileAboveTheLimitKeepingNothingOfIt() {
        String id = integration("csv", "{}");

        ApiClient.Response tooLarge = upload(tenant.apiKey(), id, "huge.csv", csv(3_200_000));

        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(api.get("/api/v1/integrations/" + id + "/files", tenant.apiKey()).json().path("items").size()).isZero();
    }

    @Test
    void namesWhatIsWrongWithAnUpload() {
        String csv = integration("csv", "{}");
        String github = integration("github", "{\"base_url\":\"http://127.0.0.1:1\",\"repositories\":[\"a/b\"]}");

        ApiClient.Response notCsv = upload(tenant.apiKey(), github, "a.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        ApiClient.Response noFile = api.send(api.request("/api/v1/integrations/" + csv + "/files", tenant.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n")));
        ApiClient.Response otherTenant = upload(aTenant(api).apiKey(), csv, "a.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(notCsv.status()).isEqualTo(409);
        assertThat(notCsv.body()).contains("only csv integrations take files");
        assertThat(noFile.status()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.json().toString()).contains("file");
        assertThat(otherTenant.status()).isEqualTo(404);
    }

    private String integration(String type, String config) {
        ApiClient.Response created = api.post("/api/v1/integrations", tenant.apiKey(),
                "{\"type\":\"" + type + "\",\"name\":\"" + type + "-" + UUID.randomUUID() + "\",\"config\":" + config
                        + ",\"credentials\":{\"token\":\"t\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("id");
    }

    private ApiClient.Response upload(String key, String integrationId, String name, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n--b0undary--\r\n".getBytes(StandardCharsets.UTF_8));
        return api.send(api.request("/api/v1/integrations/" + integrationId + "/files", key)
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static byte[] csv(int bytes) {
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) 'x');
        byte[] header = "id,text\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, content, 0, header.length);
        for (int i = 100; i < bytes; i += 100) {
            content[i] = '\n';
        }
        return content;
    }
}
