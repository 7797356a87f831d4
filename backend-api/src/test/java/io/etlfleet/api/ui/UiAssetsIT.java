package io.etlfleet.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.TestBackend;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The UI's files are served without a key, with a strict CSP; the API stays protected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class UiAssetsIT {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");
    private static TestBackend backend;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("ui-assets");
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

    @Test
    void servesThePageWithoutAKeyWithAStrictContentSecurityPolicy() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response page = api.send(api.request("/", null).GET());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\"></script>");
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(page.body()).find())
                .as("no inline scripts").isFalse();
        assertThat(page.body()).doesNotContain(" style=").doesNotContain("http://").doesNotContain("https://");
        HttpHeaders headers = headersOf(api, "/");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(UiHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(UiHeadersFilter.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void servesEveryScriptAndStylesheetThePageImports() throws IOException {
        ApiClient api = new ApiClient(port);
        List<Path> assets;
        try (Stream<Path> files = Files.walk(STATIC)) {
            assets = files.filter(Files::isRegularFile).toList();
        }
        assertThat(assets).hasSizeGreaterThan(5);
        for (Path asset : assets) {
            String path = "/" + STATIC.relativize(asset).toString().replace('\\', '/');
            ApiClient.Response answer = api.send(api.request(path, null).GET());
            assertThat(answer.status()).as(path).isEqualTo(200);
            if (path.endsWith(".js")) {
                assertThat(answer.contentType()).as(path).contains("javascript");
                Matcher imports = Pattern.compile("from '(\\.{1,2}/[^']+)'").matcher(answer.body());
                while (imports.find()) {
                    Path target = asset.getParent().resolve(imports.group(1)).normalize();
                    assertThat(target).as(path + " imports " + imports.group(1)).exists();
                }
            }
            if (path.endsWith(".css")) {
                assertThat(answer.contentType()).as(path).startsWith("text/css");
            }
        }
    }

    @Test
    void keepsTheApiBehindItsKey() {
        ApiClient api = new ApiClient(port);

        assertThat(api.get("/api/v1/jobs", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/jobs", TestBackend.ADMIN_TOKEN).status()).isEqualTo(200);
        assertThat(headersOf(api, "/api/v1/jobs").firstValue("Content-Security-Policy")).isEmpty();
    }

    private static HttpHeaders headersOf(ApiClient api, String path) {
        try {
            return HttpClient.newHttpClient().send(api.request(path, null).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
