package io.etlfleet.fleet.deploy;

import static io.etlfleet.fleet.deploy.Manifests.at;
import static io.etlfleet.fleet.deploy.Manifests.list;
import static io.etlfleet.fleet.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.TopologySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s: per-type Deployments of the worker apps, each autoscaled by KEDA on its own
 * queues, with probes on the actuator and the broker address only in a secret.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Manifests.ROOT.resolve("deploy/k8s");
    private static final Map<String, Map<String, Object>> deployments = new HashMap<>();
    private static final Map<String, Map<String, Object>> scaledObjects = new HashMap<>();
    private static final Map<String, Map<String, Object>> triggerAuthentications = new HashMap<>();
    private static final List<String> kustomized = new ArrayList<>();
    private static Map<String, Object> exampleSecret;

    @BeforeAll
    static void readManifests() throws IOException {
        kustomized.addAll(list(Manifests.yaml(K8S.resolve("kustomization.yaml")).get("resources")).stream()
                .map(String::valueOf).toList());
        exampleSecret = Manifests.documents(K8S.resolve("secret.example.yaml")).get(0);
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Map<String, Object> document : Manifests.documents(file)) {
                    String name = String.valueOf(at(document, "metadata", "name"));
                    switch (String.valueOf(document.get("kind"))) {
                        case "Deployment" -> deployments.put(name, document);
                        case "ScaledObject" -> scaledObjects.put(name, document);
                        case "TriggerAuthentication" -> triggerAuthentications.put(name, document);
                        default -> { }
                    }
                }
            }
        }
    }

    @Test
    void everyManifestButTheExampleSecretIsInTheKustomization() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            List<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml") && !f.equals("secret.example.yaml"))
                    .toList();
            assertThat(kustomized).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void everyWorkQueueHasAScaledObjectWhoseDeploymentConsumesIt() {
        for (String queue : TopologySettings.defaults().workQueues()) {
            List<Map<String, Object>> owners = scaledObjects.values().stream()
                    .filter(scaled -> triggers(scaled).stream().anyMatch(t -> queue.equals(at(t, "metadata", "queueName"))))
                    .toList();
            assertThat(owners).as("ScaledObjects for " + queue).hasSize(1);
            String target = String.valueOf(at(owners.get(0), "spec", "scaleTargetRef", "name"));
            assertThat(deployments).as("Deployment " + target + " scaled for " + queue).containsKey(target);
            Map<String, String> env = env(deployments.get(target));
            String type = queue.split("\\.")[2];
            if (queue.startsWith(QueueNames.EXTRACT_EXCHANGE + ".")) {
                assertThat(image(deployments.get(target))).startsWith("etl-fleet/extract-workers:");
                assertThat(env).containsEntry("ETL_EXTRACT_TYPES", type);
            } else {
                assertThat(image(deployments.get(target))).startsWith("etl-fleet/transform-workers:");
                assertThat(env).containsEntry("ETL_TRANSFORM_TYPES", type);
            }
        }
    }

    @Test
    void triggersCountQueueLengthWithTheBrokerAddressFromASecret() {
        assertThat(scaledObjects).isNotEmpty();
        for (Map<String, Object> scaled : scaledObjects.values()) {
            assertThat(String.valueOf(scaled.get("apiVersion"))).isEqualTo("keda.sh/v1alpha1");
            assertThat((Integer) at(scaled, "spec", "minReplicaCount")).isGreaterThanOrEqualTo(1);
            assertThat((Integer) at(scaled, "spec", "maxReplicaCount"))
                    .isGreaterThan((Integer) at(scaled, "spec", "minReplicaCount"));
            for (Map<String, Object> trigger : triggers(scaled)) {
                assertThat(trigger.get("type")).isEqualTo("rabbitmq");
                Map<String, Object> metadata = map(trigger.get("metadata"));
                assertThat(metadata).containsEntry("mode", "QueueLength").doesNotContainKey("host");
                assertThat(Integer.parseInt(String.valueOf(metadata.get("value")))).isPositive();
                String auth = String.valueOf(at(trigger, "authenticationRef", "name"));
                assertThat(triggerAuthentications).containsKey(auth);
                for (Object ref : list(at(triggerAuthentications.get(auth), "spec", "secretTargetRef"))) {
                    assertThat(map(ref)).containsEntry("parameter", "host").containsEntry("name",
                            at(exampleSecret, "metadata", "name"));
                    assertThat(map(exampleSecret.get("stringData"))).containsKey(String.valueOf(map(ref).get("key")));
                }
            }
        }
    }

    @Test
    void everyDeploymentProbesTheActuatorOnItsHttpPort() {
        assertThat(deployments).containsKeys("backend-api", "extract-github", "extract-jira", "extract-jdbc",
                "transform-github", "transform-jira", "transform-jdbc");
        for (Map.Entry<String, Map<String, Object>> entry : deployments.entrySet()) {
            Map<String, Object> container = container(entry.getValue());
            assertThat(at(container, "readinessProbe", "httpGet", "path")).as(entry.getKey())
                    .isEqualTo("/actuator/health/readiness");
            assertThat(at(container, "livenessProbe", "httpGet", "path")).as(entry.getKey())
                    .isEqualTo("/actuator/health/liveness");
            Object port = at(container, "readinessProbe", "httpGet", "port");
            assertThat(list(container.get("ports")).stream().map(p -> map(p).get("name"))).contains(port);
            assertThat(env(entry.getValue()).get("ETL_HTTP_PORT")).isEqualTo(String.valueOf(
                    map(list(container.get("ports")).get(0)).get("containerPort")));
            assertThat(map(at(entry.getValue(), "spec", "template", "metadata", "labels"))).as(entry.getKey())
                    .containsAllEntriesOf(map(at(entry.getValue(), "spec", "selector", "matchLabels")));
        }
    }

    private static List<Map<String, Object>> triggers(Map<String, Object> scaled) {
        return list(at(scaled, "spec", "triggers")).stream().map(Manifests::map).toList();
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    private static String image(Map<String, Object> deployment) {
        return String.valueOf(container(deployment).get("image"));
    }

    private static Map<String, String> env(Map<String, Object> deployment) {
        Map<String, String> env = new HashMap<>();
        Object entries = container(deployment).get("env");
        if (entries != null) {
            list(entries).forEach(e -> env.put(String.valueOf(map(e).get("name")), String.valueOf(map(e).get("value"))));
        }
        return env;
    }
}
