package io.etlfleet.extract.running;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.Connectors;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.crypto.MasterKey;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.integrations.NewIntegration;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.raw.LosslessJson;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.storage.rejections.Rejection;
import io.etlfleet.storage.rejections.RejectionStore;
import io.etlfleet.storage.tenants.TenantStore;
import io.etlfleet.testing.MariadbDatabase;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Source text that strict stores refuse (NUL, lone surrogates), very large strings, emoji,
 * combining marks and right-to-left text, extracted from GitHub, Jira and a MariaDB table into
 * real PostgreSQL: every record stored, every string reproduced exactly, and a record the
 * store truly refuses rejected on its job while the rest of its page is stored.
 */
class HostileSourceTextIT {

    static final String NUL_TEXT = "pasted log: exit\u0000code 1";
    static final String LONE_SURROGATE = "truncated emoji \uD83D here";
    static final String MIXED = "😀 e\u0301 שלום עולם \u202Eright-to-left\u202C \\u0000 literal";
    static final String HUGE = "x".repeat(1_048_576) + "\u0000end";

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static Connectors connectors;
    private static IntegrationStore integrations;
    private static SampleSource source;
    private final JobStore jobs = new JobStore(jdbi);

    @BeforeAll
    static void start() {
        database = TestServices.postgres().createDatabase("hostile_text");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        connectors = Connectors.standard();
        integrations = new IntegrationStore(jdbi, new CredentialCipher(MasterKey.developmentDefault()));
        source = SampleSource.start(SampleSourceOptions.builder()
                .githubRepositories(List.of("acme/widgets")).issuesPerRepository(150)
                .jiraProjects(List.of("ALPHA")).jiraIssuesPerProject(60).build());
    }

    @AfterAll
    static void stop() {
        source.close();
        connectors.close();
        database.close();
    }

    private Integration integration(String type, String config, Map<String, String> credentials) {
        var tenant = new TenantStore(jdbi).create("tenant-" + System.nanoTime());
        return integrations.create(new NewIntegration(tenant.id(), type, type + "-hostile", config, credentials));
    }

    private Job run(Integration integration, String entity, Function<String, ConnectorFactory> factories) {
        NewJob job = NewJob.extract(integration.tenantId(), integration.id(), integration.type(), entity, "full");
        jdbi.useTransaction(h -> jobs.insert(h, job));
        ExtractJobRunner runner = new ExtractJobRunner(jdbi, integrations, factories, new JobMessageCodec(), "worker-1",
                Duration.ofMinutes(1), () -> { }, Clock.systemUTC());
        return runner.run(ExtractJobMessage.of(job.id(), job.tenantId(), job.integrationId(), integration.type(), entity,
                "full", null), false, () -> false).orElseThrow();
    }

    /** The stored objects of an integration by external id, as transforms read them (restored). */
    private Map<String, RawRow> stored(Integration integration) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery(
                        "select id from etl.raw_extraction_data where integration_id = :integration")
                .bind("integration", integration.id()).mapTo(Long.class).list());
        Map<String, RawRow> byExternalId = new HashMap<>();
        jdbi.withHandle(h -> new RawStore(jdbi).byIds(h, ids)).forEach(r -> byExternalId.put(r.externalId(), r));
        return byExternalId;
    }

    private static String field(RawRow row, String... path) {
        var node = JsonColumns.MAPPER.readTree(row.rawJson());
        for (String name : path) {
            node = node.path(name);
        }
        return node.asString();
    }

    private long losslessRows(Integration integration) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.raw_extraction_data
                         where integration_id = :integration and extraction_metadata->'lossless'->>'form' = :form""")
                .bind("integration", integration.id()).bind("form", LosslessJson.FORM).mapTo(Long.class).one());
    }

    @Test
    void githubIssuesWithNulLoneSurrogatesAndAMegabyteTitleAreAllStoredExactly() {
        source.github().updateIssue("acme/widgets", 1, NUL_TEXT);
        source.github().updateIssue("acme/widgets", 2, LONE_SURROGATE);
        source.github().updateIssue("acme/widgets", 3, MIXED);
        source.github().updateIssue("acme/widgets", 4, HUGE);
        Integration github = integration("github", """
                {"base_url":"%s","repositories":["acme/widgets"]}""".formatted(source.githubBaseUrl()),
                Map.of("token", SampleSourceOptions.DEFAULT_TOKEN));

        Job done = run(github, "github_issues", connectors::factory);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        long fetched = done.counts().get("records_fetched");
        assertThat(fetched).isGreaterThanOrEqualTo(source.github().issues("acme/widgets").size());
        assertThat(done.counts()).containsEntry("records_stored", fetched).doesNotContainKey("records_rejected");
        Map<String, RawRow> raw = stored(github);
        assertThat(raw).hasSize((int) fetched);
        assertThat(field(raw.get("acme/widgets#1"), "title")).isEqualTo(NUL_TEXT);
        assertThat(field(raw.get("acme/widgets#2"), "title")).isEqualTo(LONE_SURROGATE);
        assertThat(field(raw.get("acme/widgets#3"), "title")).isEqualTo(MIXED);
        assertThat(field(raw.get("acme/widgets#4"), "title")).isEqualTo(HUGE);
        assertThat(losslessRows(github)).isEqualTo(3);
    }

    @Test
    void jiraIssuesWithNulInTheirSummaryAreStoredExactly() {
        source.jira().updateIssue("ALPHA-1", NUL_TEXT);
        source.jira().updateIssue("ALPHA-2", LONE_SURROGATE + " " + MIXED);
        Integration jira = integration("jira", """
                {"base_url":"%s","deployment":"cloud","projects":["ALPHA"]}""".formatted(source.jiraCloudBaseUrl()),
                Map.of("email", SampleSourceOptions.DEFAULT_JIRA_EMAIL, "api_token", SampleSourceOptions.DEFAULT_TOKEN));

        Job done = run(jira, "jira_issues", connectors::factory);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        Map<String, RawRow> raw = stored(jira);
        assertThat(raw).hasSize(60);
        assertThat(field(raw.get("ALPHA-1"), "fields", "summary")).isEqualTo(NUL_TEXT);
        assertThat(field(raw.get("ALPHA-2"), "fields", "summary")).isEqualTo(LONE_SURROGATE + " " + MIXED);
        assertThat(losslessRows(jira)).isEqualTo(2);
    }

    @Test
    void aMariadbTextColumnHoldingNulIsStoredExactly() throws Exception {
        try (MariadbDatabase mariadb = TestServices.mariadb().createDatabase("hostile_text")) {
            try (Connection connection = DriverManager.getConnection(mariadb.url(), mariadb.user(), mariadb.password())) {
                connection.createStatement().execute("""
                        create table notes (id int primary key, body longtext character set utf8mb4,
                                            updated_at datetime(3) not null)""");
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into notes values (?, ?, '2024-05-01 10:00:00.000')")) {
                    String[] bodies = {NUL_TEXT, MIXED, HUGE, "plain"};
                    for (int i = 0; i < bodies.length; i++) {
                        insert.setInt(1, i + 1);
                        insert.setString(2, bodies[i]);
                        insert.executeUpdate();
                    }
                }
            }
            Integration jdbc = integration("jdbc", """
                    {"url":"%s","tables":[{"name":"notes","cursor":["updated_at"],"key":["id"]}]}"""
                    .formatted(mariadb.url()), Map.of("user", mariadb.user(), "password", mariadb.password()));

            Job done = run(jdbc, "notes", connectors::factory);

            assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
            Map<String, RawRow> raw = stored(jdbc);
            assertThat(raw).hasSize(4);
            List<String> bodies = raw.values().stream().map(r -> field(r, "body")).toList();
            assertThat(bodies).containsExactlyInAnyOrder(NUL_TEXT, MIXED, HUGE, "plain");
            assertThat(losslessRows(jdbc)).isEqualTo(2);
        }
    }

    @Test
    void aRecordTheStoreRefusesIsRejectedOnItsJobAndTheRestOfThePageIsStored() {
        Integration github = integration("github", """
                {"base_url":"%s","repositories":["acme/widgets"]}""".formatted(source.githubBaseUrl()),
                Map.of("token", SampleSourceOptions.DEFAULT_TOKEN));
        ConnectorFactory refusing = new OnePageFactory(List.of(
                record("1", BigDecimal.ONE), record("2", new BigDecimal("1E+1000000")), record("3", BigDecimal.TEN)));

        Job done = run(github, "github_issues", type -> refusing);

        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.counts()).containsEntry("records_stored", 2L).containsEntry("records_rejected", 1L)
                .containsEntry("transform_jobs", 1L);
        assertThat(stored(github)).containsOnlyKeys("1", "3");
        List<Rejection> rejections = new RejectionStore(jdbi).forJob(done.id(), 10);
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.externalId()).isEqualTo("2");
            assertThat(r.stage()).isEqualTo(Rejection.EXTRACT);
            assertThat(r.reason()).contains("numeric");
        });
    }

    private static SourceRecord record(String id, BigDecimal number) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", id).put("amount", number);
        return new SourceRecord(id, data, null);
    }

    /** A connector whose one scope answers one page of the given records. */
    private record OnePageFactory(List<SourceRecord> records) implements ConnectorFactory {

        @Override
        public String type() {
            return "github";
        }

        @Override
        public void validate(ConnectorSettings settings) {
        }

        @Override
        public Connector create(ConnectorSettings settings) {
            return new Connector() {
                @Override
                public String type() {
                    return "github";
                }

                @Override
                public List<String> entityTypes() {
                    return List.of("github_issues");
                }

                @Override
                public List<String> scopes(String entityType) {
                    return List.of("acme/widgets");
                }

                @Override
                public void extract(ExtractRequest request, PageSink sink) {
                    sink.accept(new Page(records, new PageRequestInfo("/fixture", Map.of(), "first", null, Map.of(),
                            null), Map.of(), Map.of()));
                }

                @Override
                public ConnectionCheck testConnection() {
                    return ConnectionCheck.ok("fixture");
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
