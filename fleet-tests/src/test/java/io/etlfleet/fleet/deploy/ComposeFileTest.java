package io.etlfleet.fleet.deploy;

import static io.etlfleet.fleet.deploy.Manifests.at;
import static io.etlfleet.fleet.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.topology.QueueNames;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compose file runs one scalable extract and transform service per integration type. */
class ComposeFileTest {

    private static final Path COMPOSE = Manifests.ROOT.resolve("compose/docker-compose.yml");
    private final Map<String, Object> services = map(Manifests.yaml(COMPOSE).get("services"));

    @Test
    void hasAnExtractAndATransformServicePerIntegrationTypeConsumingOnlyThatType() {
        for (String type : QueueNames.INTEGRATION_TYPES) {
            assertThat(env("extract-" + type)).containsEntry("ETL_EXTRACT_TYPES", type);
            assertThat(String.valueOf(env("extract-" + type).get("ETL_EXTRACT_CONCURRENCY"))).startsWith(type + "=");
            assertThat(env("transform-" + type)).containsEntry("ETL_TRANSFORM_TYPES", type);
            assertThat(String.valueOf(env("transform-" + type).get("ETL_TRANSFORM_CONCURRENCY"))).startsWith(type + "=");
        }
        assertThat(services).containsKeys("backend-api", "postgres", "rabbitmq");
    }

    @Test
    void workerServicesPublishNoHostPortsSoTheyCanBeScaled() {
        for (String type : QueueNames.INTEGRATION_TYPES) {
            for (String service : new String[] {"extract-" + type, "transform-" + type}) {
                assertThat(service(service)).as(service).doesNotContainKeys("ports", "container_name");
            }
        }
    }

    @Test
    void everyAppIsBuiltFromItsJarAndPointsAtTheComposeServices() {
        assertBuiltFrom("backend-api", "backend-api");
        for (String type : QueueNames.INTEGRATION_TYPES) {
            assertBuiltFrom("extract-" + type, "extract-workers");
            assertBuiltFrom("transform-" + type, "transform-workers");
            assertThat(env("extract-" + type)).containsEntry("ETL_DB_URL", "jdbc:postgresql://postgres:5432/etl");
            assertThat(String.valueOf(env("extract-" + type).get("ETL_RABBITMQ_URI"))).contains("@rabbitmq:5672");
        }
        assertThat(Manifests.read(Manifests.ROOT.resolve("compose/Dockerfile")))
                .contains("COPY ${MODULE}/target/${MODULE}.jar");
    }

    @Test
    void everyAppHasAHealthCheckOnTheActuatorAndWaitsForItsServices() {
        for (String name : services.keySet()) {
            if (name.equals("postgres") || name.equals("rabbitmq")) {
                continue;
            }
            Map<String, Object> service = service(name);
            assertThat(String.valueOf(at(service, "healthcheck", "test"))).as(name)
                    .contains("http://127.0.0.1:8080/actuator/health");
            assertThat(String.valueOf(env(name).get("ETL_HTTP_PORT"))).as(name).isEqualTo("8080");
            assertThat(map(service.get("depends_on"))).as(name).containsKeys("postgres", "rabbitmq");
        }
    }

    private void assertBuiltFrom(String service, String module) {
        Map<String, Object> definition = service(service);
        assertThat(String.valueOf(definition.get("image"))).as(service).startsWith("etl-fleet/" + module + ":");
        assertThat(at(definition, "build", "dockerfile")).as(service).isEqualTo("compose/Dockerfile");
        assertThat(at(definition, "build", "args", "MODULE")).as(service).isEqualTo(module);
        assertThat(Manifests.ROOT.resolve(module).resolve("pom.xml")).as(service).exists();
    }

    private Map<String, Object> service(String name) {
        assertThat(services).as("compose services").containsKey(name);
        return map(services.get(name));
    }

    private Map<String, Object> env(String name) {
        return map(service(name).get("environment"));
    }
}
