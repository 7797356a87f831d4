package io.etlfleet.api.queues;

import static io.etlfleet.api.Fixtures.aTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import io.etlfleet.api.ApiClient;
import io.etlfleet.api.TestBackend;
import io.etlfleet.queue.connection.RabbitEndpoint;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.runtime.FleetProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QueuesIT {

    private static TestBackend backend;

    @LocalServerPort
    private int port;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private ConfirmedPublisher publisher;
    @Autowired
    private TopologySettings topology;
    @Autowired
    private FleetProperties fleet;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start("queues");
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
    void reportsDepthUnackedConsumersAndRatesOfEveryFleetQueueFromTheManagementApi() throws Exception {
        ApiClient api = new ApiClient(port);
        String tenantKey = aTenant(api).apiKey();
        publish("jira", 7);
        try (Connection connection = connectionFactory.createConnection();
                Channel channel = connection.createChannel(false)) {
            // A consumer that takes two messages and never acknowledges them.
            channel.basicQos(2);
            channel.basicConsume("etl.transform.jira", false, new DefaultConsumer(channel));

            Awaitility.await("management statistics caught up").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        JsonNode jira = queue(api.get("/api/v1/queues", tenantKey).json(), "etl.transform.jira");
                        return jira.get("messages_ready").asLong() == 5 && jira.get("messages_unacked").asLong() == 2
                                && jira.get("consumers").asInt() == 1;
                    });
            JsonNode answer = api.get("/api/v1/queues", tenantKey).json();

            assertThat(answer.get("source").asString()).isEqualTo("management");
            assertThat(answer.get("sampled_at").isNull()).isFalse();
            JsonNode jira = queue(answer, "etl.transform.jira");
            assertThat(jira.get("kind").asString()).isEqualTo("transform");
            assertThat(jira.get("type").asString()).isEqualTo("jira");
            assertThat(jira.get("publish_rate").isNumber()).isTrue();
            assertThat(jira.get("deliver_rate").isNumber()).isTrue();
            Map<String, String> kinds = kinds(answer);
            assertThat(kinds).containsEntry("etl.extract.github", "extract/github")
                    .containsEntry("etl.transform.jdbc", "transform/jdbc")
                    .containsEntry("etl.retry.1s", "retry/null")
                    .containsEntry("etl.extract.github.dlq", "dead_letter/github")
                    .containsEntry("etl.transform.jira.dlq", "dead_letter/jira");
            assertThat(kinds).hasSize(topology.workQueues().size() * 2 + topology.retryTiers().size());
            assertThat(queue(answer, "etl.extract.github").get("messages_ready").asLong()).isZero();
        }
    }

    @Test
    void fallsBackToDepthAndConsumersOverAmqpWhenTheManagementApiIsUnreachable() {
        publish("jdbc", 3);
        RabbitEndpoint endpoint = RabbitEndpoint.parse(fleet.rabbitmqUri());
        QueueMonitor monitor = new QueueMonitor(new ManagementApi(URI.create("http://127.0.0.1:1/"), endpoint,
                Duration.ofSeconds(1)), new QueueStatistics(connectionFactory, topology), topology);

        QueueResponse sample = monitor.sample();

        assertThat(sample.source()).isEqualTo("amqp");
        QueueResponse.Queue jdbc = sample.queues().stream().filter(q -> q.name().equals("etl.transform.jdbc"))
                .findFirst().orElseThrow();
        assertThat(jdbc.messagesReady()).isEqualTo(3);
        assertThat(jdbc.kind()).isEqualTo("transform");
        assertThat(jdbc.type()).isEqualTo("jdbc");
        assertThat(jdbc.publishRate()).isZero();
        assertThat(sample.queues()).extracting(QueueResponse.Queue::kind).contains("extract", "retry", "dead_letter");
    }

    @Test
    void needsAKey() {
        assertThat(new ApiClient(port).get("/api/v1/queues", null).status()).isEqualTo(401);
    }

    private void publish(String type, int count) {
        for (int i = 0; i < count; i++) {
            publisher.publish(OutgoingMessage.of("etl.transform", type, type + "-" + i,
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static JsonNode queue(JsonNode answer, String name) {
        return answer.get("queues").valueStream().filter(q -> q.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from " + answer));
    }

    private static Map<String, String> kinds(JsonNode answer) {
        List<JsonNode> queues = answer.get("queues").valueStream().toList();
        return queues.stream().collect(Collectors.toMap(q -> q.get("name").asString(),
                q -> q.get("kind").asString() + "/" + (q.get("type").isNull() ? "null" : q.get("type").asString())));
    }
}
