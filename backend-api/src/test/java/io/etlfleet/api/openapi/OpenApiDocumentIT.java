package io.etlfleet.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.ApiClient;
import io.etlfleet.api.ApiEndpoints;
import io.etlfleet.api.TestBackend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OpenApiDocumentIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("openapi");
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
    void documentsEveryEndpointTheAppMaps() {
        ApiClient.Response document = new ApiClient(port).get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().path("paths");

        List<String> endpoints = ApiEndpoints.of(mapping);
        List<String> undocumented = endpoints.stream()
                .filter(endpoint -> !paths.path(ApiEndpoints.path(endpoint)).has(ApiEndpoints.method(endpoint)))
                .toList();

        assertThat(endpoints).hasSizeGreaterThan(20).contains("GET /api/v1/jobs/{id}", "POST /api/v1/integrations");
        assertThat(undocumented).as("endpoints missing from /v3/api-docs").isEmpty();
    }

    @Test
    void documentsBearerAuthenticationAndServesTheSwaggerUiWithoutAKey() {
        ApiClient api = new ApiClient(port);
        JsonNode document = api.get("/v3/api-docs", null).json();

        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.toString()).doesNotContain("\"caller\"");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
