package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * CSV files and a generic REST API as sources, through the real apps: an uploaded file becomes
 * one raw object per row (a malformed row rejected with its line, the rest kept), the same bytes
 * uploaded again store nothing new; the sample REST orders stream is read in full and then
 * incrementally, through its cursor pagination and bearer auth.
 */
class CsvAndRestEndToEndIT {

    private static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();
    private static final String ORDERS_CSV = """
            order_id,customer,amount,note
            1001,Ada,12.50,first
            1002,Grace,7.25,"a note, with a comma
            and a line break"
            1003,Linus,99.00,"unterminated, then the next line
            1004,Zoë 🎉,3.10,emoji
            1005,Ken,1.00,last,extra
            1006,Dennis,5.00,
            """;

    private static SampleSource source;
    private static ProcessFleet fleet;
    private static FleetApi client;
    private static Jdbi jdbi;
    private static String tenantKey;

    @BeforeAll
    static void startFleet() throws Exception {
        source = SampleSource.start(SampleSourceOptions.builder().githubRepositories(List.of("acme/widgets"))
                .issuesPerRepository(1).build());
        fleet = ProcessFleet.start("csv_rest", ADMIN_TOKEN, Map.of());
        client = fleet.client();
        jdbi = fleet.jdbi();
        tenantKey = client.post(ADMIN_TOKEN, "/tenants", "{\"name\":\"acme\"}", 201).path("api_key").asString();
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
    void anUploadedCsvFileBecomesOneRawObjectPerRowAndAReUploadStoresNothingNew() throws Exception {
        String integration = client.post(tenantKey, "/integrations", """
                {"type":"csv","name":"orders-csv","config":{"key":["order_id"],"entity":"orders"},"credentials":{}}""", 201)
                .path("id").asString();
        byte[] file = ORDERS_CSV.getBytes(StandardCharsets.UTF_8);

        JsonNode uploaded = client.upload(tenantKey, "/integrations/" + integration + "/files", "orders.csv", file, 201);
        JsonNode again = client.upload(tenantKey, "/integrations/" + integration + "/files", "orders.csv", file, 200);
        JsonNode files = client.get(tenantKey, "/integrations/" + integration + "/files", 200).path("items");

        assertThat(uploaded.path("created").asBoolean()).isTrue();
        assertThat(uploaded.path("size").asLong()).isEqualTo(file.length);
        assertThat(again.path("id").asString()).isEqualTo(uploaded.path("id").asString());
        assertThat(again.path("created").asBoolean()).isFalse();
        assertThat(files.size()).isEqualTo(1);

        String full = client.enqueue(tenantKey, integration, "full", List.of("orders")).get(0);
        JsonNode job = awaitDone(full);

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
        Map<String, String> raw = rawByExternalId(integration, "orders");
        assertThat(raw.keySet()).containsExactlyInAnyOrder("1001", "1002", "1004", "1006");
        assertThat(raw.get("1002")).contains("a note, with a comma\\nand a line break").contains("\"_line\": 3");
        assertThat(raw.get("1004")).contains("Zoë 🎉");
        assertThat(raw.get("1006")).contains("\"note\": \"\"");
        JsonNode rejections = client.get(tenantKey, "/jobs/" + full + "/rejections", 200);
        assertThat(rejections.path("total").asLong()).as(rejections.toString()).isEqualTo(2);
        assertThat(rejections.toString()).contains("orders.csv:5").contains("orders.csv:7");
        assertThat(job.path("counts").path("records_rejected").asLong()).isEqualTo(2);

        String rerun = client.enqueue(tenantKey, integration, "full", List.of("orders")).get(0);
        JsonNode second = awaitDone(rerun);

        assertThat(second.path("status").asString()).isEqualTo("succeeded");
        assertThat(second.path("counts").path("records_stored").asLong()).as(second.toString()).isZero();
        assertThat(rawByExternalId(integration, "orders")).isEqualTo(raw);
        assertThat(transformStatuses(integration)).containsOnly("succeeded");
    }

    @Test
    void aRestStreamIsReadInFullThenIncrementallyThroughItsCursorPagination() throws Exception {
        String integration = client.post(tenantKey, "/integrations", """
                {"type":"rest","name":"orders-api","config":{"base_url":"%s","auth":{"type":"bearer"},
                 "streams":[{"name":"orders","path":"/v1/orders","records_path":"/data","primary_key":["id"],
                   "cursor_field":"updated_at","cursor_param":"updated_since","params":{"limit":100},
                   "pagination":{"type":"cursor","token_path":"/pagination/next_cursor","token_param":"cursor"}}]},
                 "credentials":{"token":"sample-token"}}""".formatted(source.restBaseUrl()), 201).path("id").asString();

        JsonNode full = awaitDone(client.enqueue(tenantKey, integration, "full", List.of("orders")).get(0));

        assertThat(full.path("status").asString()).as(full.toString()).isEqualTo("succeeded");
        int orders = source.orders().count();
        assertThat(rawByExternalId(integration, "orders")).hasSize(orders);

        source.orders().update(7);
        source.orders().add();
        JsonNode incremental = awaitDone(client.enqueue(tenantKey, integration, "incremental", List.of("orders")).get(0));

        assertThat(incremental.path("status").asString()).as(incremental.toString()).isEqualTo("succeeded");
        assertThat(incremental.path("counts").path("records_stored").asLong()).as(incremental.toString()).isEqualTo(2);
        assertThat(rawByExternalId(integration, "orders")).hasSize(orders + 1);
        assertThat(transformStatuses(integration)).containsOnly("succeeded");
    }

    private static JsonNode awaitDone(String jobId) throws Exception {
        Awaitility.await("job " + jobId + " and its transform jobs finished").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    JsonNode job = client.job(tenantKey, jobId);
                    if (!terminal(job)) {
                        return false;
                    }
                    for (JsonNode child : job.path("children")) {
                        if (!terminal(child)) {
                            return false;
                        }
                    }
                    return true;
                });
        return client.job(tenantKey, jobId);
    }

    private static boolean terminal(JsonNode job) {
        return Set.of("succeeded", "failed", "dead", "cancelled").contains(job.path("status").asString());
    }

    /** The newest raw version of every object, by external id. */
    private static Map<String, String> rawByExternalId(String integration, String entity) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select distinct on (external_id) external_id, raw_data::text as data
                          from etl.raw_extraction_data
                         where integration_id = cast(:id as uuid) and entity_type = :entity
                         order by external_id, id desc""")
                .bind("id", integration).bind("entity", entity)
                .map((rs, ctx) -> Map.entry(rs.getString("external_id"), rs.getString("data")))
                .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> transformStatuses(String integration) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select distinct status from etl.etl_jobs
                         where integration_id = cast(:id as uuid) and kind = 'transform'""")
                .bind("id", integration).mapTo(String.class).list());
    }
}
