package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Runs a full GitHub sync through the three apps, with their own logs at DEBUG, then reads
 * every API answer about it, every log line and every dead letter, looking for the tokens
 * the integrations used (plain, base64 and in an Authorization header). None may appear.
 */
class CredentialLeakIT {

    private static final String TOKEN = "ghp_LeakCanary" + Long.toHexString(new SecureRandom().nextLong());
    private static final String WRONG_TOKEN = "ghp_WrongCanary" + Long.toHexString(new SecureRandom().nextLong());
    private static final String ADMIN_TOKEN = "admin-" + Long.toHexString(new SecureRandom().nextLong()) + "-leak";

    private static SampleSource source;
    private static ProcessFleet fleet;
    private static FleetApi client;

    @BeforeAll
    static void startFleet() throws Exception {
        source = SampleSource.start(SampleSourceOptions.builder().token(TOKEN)
                .githubRepositories(List.of("acme/vault")).issuesPerRepository(120).everyNthIsPullRequest(4).build());
        fleet = ProcessFleet.start("leak", ADMIN_TOKEN, Map.of("LOGGING_LEVEL_IO_ETLFLEET", "DEBUG"));
        client = fleet.client();
    }

    @AfterAll
    static void stopFleet() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {fleet, source}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aFullSyncLeavesItsCredentialsInNoLogAndNoApiAnswer() throws Exception {
        List<String> answers = new ArrayList<>();
        String tenantKey = record(answers, client.post(ADMIN_TOKEN, "/tenants", "{\"name\":\"vault\"}", 201))
                .path("api_key").asString();
        String integrationId = record(answers, client.post(tenantKey, "/integrations", integration("good", TOKEN), 201))
                .path("id").asString();
        String wrongId = record(answers, client.post(tenantKey, "/integrations", integration("wrong", WRONG_TOKEN), 201))
                .path("id").asString();

        String jobId = client.enqueue(tenantKey, integrationId, "full").get(0);
        JsonNode finished = awaitFinished(tenantKey, jobId);
        assertThat(finished.path("status").asString()).isEqualTo("succeeded");
        assertThat(finished.path("counts").path("records_stored").asLong()).isPositive();
        String failedJobId = client.enqueue(tenantKey, wrongId, "full").get(0);
        assertThat(awaitFinished(tenantKey, failedJobId).path("status").asString()).isIn("failed", "dead");

        JsonNode ok = record(answers, client.post(tenantKey, "/integrations/" + integrationId + "/test", "", 200));
        JsonNode refused = record(answers, client.post(tenantKey, "/integrations/" + wrongId + "/test", "", 200));
        assertThat(ok.path("kind").asString()).isEqualTo("ok");
        assertThat(refused.path("kind").asString()).isEqualTo("bad_credentials");
        for (String path : List.of("/integrations", "/integrations/" + integrationId, "/integrations/" + wrongId,
                "/integrations/" + integrationId + "/sync-state", "/jobs?limit=500", "/jobs/stats?hours=2",
                "/jobs/" + jobId, "/jobs/" + failedJobId)) {
            record(answers, client.get(tenantKey, path, 200));
        }
        for (JsonNode child : finished.path("children")) {
            record(answers, client.get(tenantKey, "/jobs/" + child.path("id").asString(), 200));
        }
        JsonNode raw = record(answers, client.get(tenantKey, "/raw-data?limit=500", 200));
        assertThat(raw.path("items")).isNotEmpty();
        record(answers, client.get(tenantKey, "/raw-data/" + raw.path("items").get(0).path("id").asLong(), 200));
        record(answers, client.post(ADMIN_TOKEN, "/admin/credentials/re-encrypt", "", 200));
        // A full extraction travels the backfill queue, so its dead letter is in that queue's DLQ.
        List<String> deadLetters = new ArrayList<>(deadLetters("etl.extract.github.dlq"));
        deadLetters.addAll(deadLetters("etl.extract.github.backfill.dlq"));
        assertThat(deadLetters).as("the wrong token's job is dead-lettered with its reason")
                .anySatisfy(letter -> assertThat(letter).contains(failedJobId));
        answers.addAll(deadLetters);

        Set<String> secrets = Set.of(TOKEN, WRONG_TOKEN, base64(TOKEN), base64(WRONG_TOKEN), base64("x:" + TOKEN),
                "Bearer " + TOKEN, "token " + TOKEN);
        for (String answer : answers) {
            for (String secret : secrets) {
                assertThat(answer).as("an API answer").doesNotContain(secret);
            }
        }
        for (AppProcess app : fleet.apps()) {
            String log = app.log();
            assertThat(log).as("log of the app on port " + app.port()).contains("integration");
            for (String secret : secrets) {
                assertThat(log).as("log of the app on port " + app.port()).doesNotContain(secret);
            }
        }
        assertThat(source.requests().count("/repos/acme/vault/issues")).isPositive();
    }

    /** Every message in {@code queue}, headers and body as text, read without removing it. */
    private static List<String> deadLetters(String queue) {
        CachingConnectionFactory connections = RabbitConnections.create(fleet.vhost().amqpUri(), "leak-test");
        try {
            return new RabbitTemplate(connections).execute(channel -> {
                List<String> messages = new ArrayList<>();
                GetResponse message;
                while ((message = channel.basicGet(queue, false)) != null) {
                    messages.add(message.getProps().getHeaders() + " "
                            + new String(message.getBody(), StandardCharsets.UTF_8));
                }
                return messages;
            });
        } finally {
            connections.destroy();
        }
    }

    private static String integration(String name, String token) {
        return """
                {"type":"github","name":"%s","config":{"base_url":"%s","repositories":["acme/vault"]},
                 "credentials":{"token":"%s"}}""".formatted(name, source.githubBaseUrl(), token);
    }

    private static JsonNode record(List<String> answers, JsonNode answer) {
        answers.add(answer.toString());
        return answer;
    }

    private static JsonNode awaitFinished(String key, String jobId) {
        return Awaitility.await("job " + jobId + " and its transform jobs finished")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> client.job(key, jobId), job -> terminal(job)
                        && job.path("children").valueStream().allMatch(CredentialLeakIT::terminal));
    }

    private static boolean terminal(JsonNode job) {
        return Set.of("succeeded", "failed", "dead", "cancelled").contains(job.path("status").asString());
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

}
