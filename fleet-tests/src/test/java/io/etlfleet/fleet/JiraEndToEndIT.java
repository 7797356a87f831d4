package io.etlfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.jira.JiraHistory;
import io.etlfleet.sample.jira.JiraIssue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
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
 * The Jira issues path end to end with an issue moved to another project: the backend API,
 * extract workers and transform workers run as processes from their jars against real
 * RabbitMQ and PostgreSQL and the sample Jira Cloud over HTTP. A full sync of two projects,
 * the move at the source, an incremental sync, then a re-transform of every raw version kept,
 * the one from before the move included.
 */
class JiraEndToEndIT {

    private static final List<String> PROJECTS = List.of("OPS", "WEB");
    private static final int ISSUES_PER_PROJECT = 30;
    private static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

    private static SampleSource source;
    private static ProcessFleet fleet;
    private static FleetApi client;
    private static Jdbi jdbi;
    private static String tenantKey;
    private static String integrationId;

    @BeforeAll
    static void startFleet() throws Exception {
        source = SampleSource.start(SampleSourceOptions.builder()
                .jiraProjects(PROJECTS).jiraIssuesPerProject(ISSUES_PER_PROJECT).build());
        fleet = ProcessFleet.start("jira", ADMIN_TOKEN, Map.of());
        client = fleet.client();
        jdbi = fleet.jdbi();
        tenantKey = client.post(ADMIN_TOKEN, "/tenants", "{\"name\":\"acme\"}", 201).path("api_key").asString();
        integrationId = client.post(tenantKey, "/integrations", """
                {"type":"jira","name":"sample","config":{"base_url":"%s","deployment":"cloud","projects":["OPS","WEB"]},
                 "credentials":{"email":"%s","api_token":"%s"}}""".formatted(source.jiraCloudBaseUrl(),
                SampleSourceOptions.DEFAULT_JIRA_EMAIL, SampleSourceOptions.DEFAULT_TOKEN), 201)
                .path("id").asString();
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
    void anIssueMovedToAnotherProjectStaysOneRowUnderItsNewKeyThroughAnIncrementalSyncAndAReTransform()
            throws Exception {
        source.jira().cycle("OPS-3", 2);
        assertThat(awaitFinished(client.enqueue(tenantKey, integrationId, "full", List.of("jira_issues")).get(0))
                .path("status").asString()).isEqualTo("succeeded");
        assertWarehouseEqualsSource();
        assertThat(issueKeys()).contains("OPS-3");

        JiraIssue moved = source.jira().moveIssue("OPS-3", "WEB");
        moved = source.jira().cycle(moved.key(), 1);
        JsonNode incremental = awaitFinished(client.enqueue(tenantKey, integrationId, "incremental",
                List.of("jira_issues")).get(0));

        assertThat(incremental.path("status").asString()).isEqualTo("succeeded");
        assertThat(incremental.path("counts").path("records_stored").asLong()).isEqualTo(1);
        assertWarehouseEqualsSource();
        assertThat(keysAndProjects(moved.id())).containsExactly(moved.key() + "|WEB");
        assertThat(issueKeys()).doesNotContain("OPS-3").hasSize(2 * ISSUES_PER_PROJECT);
        assertThat(moved.histories()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(transitionKeys(moved)).containsOnly(moved.key()).hasSize(moved.histories().size());
        assertThat(rawExternalIds()).as("both versions are kept raw").contains("OPS-3", moved.key());

        List<String> before = warehouseRows();
        JsonNode queued = client.post(tenantKey, "/retransforms",
                "{\"integration_id\":\"" + integrationId + "\",\"entity_type\":\"jira_issues\"}", 202).path("jobs");
        List<String> retransforms = new ArrayList<>();
        queued.forEach(job -> retransforms.add(job.path("id").asString()));
        assertThat(retransforms).isNotEmpty();
        for (String id : retransforms) {
            assertThat(awaitFinished(id).path("status").asString()).as("re-transform job %s", id).isEqualTo("succeeded");
        }

        assertThat(warehouseRows()).as("the version from before the move brings nothing back").isEqualTo(before);
    }

    private static JsonNode awaitFinished(String jobId) {
        Awaitility.await("job " + jobId + " and its transform jobs finished")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
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
        try {
            JsonNode job = client.job(tenantKey, jobId);
            for (JsonNode child : job.path("children")) {
                assertThat(child.path("status").asString()).as("transform job %s", child.path("id")).isEqualTo("succeeded");
            }
            return job;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean terminal(JsonNode job) {
        return Set.of("succeeded", "failed", "dead", "cancelled").contains(job.path("status").asString());
    }

    /** The warehouse holds each source issue once, by id, with its current key, project and status, and its transitions. */
    private static void assertWarehouseEqualsSource() {
        Set<String> issues = new HashSet<>();
        Set<String> transitions = new HashSet<>();
        for (String project : PROJECTS) {
            for (JiraIssue issue : source.jira().issues(project)) {
                issues.add(issue.id() + "|" + issue.key() + "|" + issue.projectKey() + "|" + issue.status().name());
                for (JiraHistory history : issue.histories()) {
                    transitions.add(issue.key() + "/" + history.id() + "/" + history.to().name());
                }
            }
        }
        List<String> loadedIssues = jdbi.withHandle(h -> h.createQuery("""
                        select jira_id || '|' || issue_key || '|' || project_key || '|' || status
                          from warehouse.jira_issues where integration_id = cast(:integration as uuid)""")
                .bind("integration", integrationId).mapTo(String.class).list());
        List<String> loadedTransitions = jdbi.withHandle(h -> h.createQuery("""
                        select issue_key || '/' || history_id || '/' || to_status
                          from warehouse.jira_issue_transitions where integration_id = cast(:integration as uuid)""")
                .bind("integration", integrationId).mapTo(String.class).list());
        assertThat(loadedIssues).doesNotHaveDuplicates();
        assertThat(Set.copyOf(loadedIssues)).isEqualTo(issues);
        assertThat(loadedTransitions).doesNotHaveDuplicates();
        assertThat(Set.copyOf(loadedTransitions)).isEqualTo(transitions);
    }

    private static List<String> keysAndProjects(long jiraId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select issue_key || '|' || project_key from warehouse.jira_issues
                         where integration_id = cast(:integration as uuid) and jira_id = :id""")
                .bind("integration", integrationId).bind("id", jiraId).mapTo(String.class).list());
    }

    private static List<String> issueKeys() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select issue_key from warehouse.jira_issues where integration_id = cast(:integration as uuid)")
                .bind("integration", integrationId).mapTo(String.class).list());
    }

    private static List<String> transitionKeys(JiraIssue issue) {
        List<Long> histories = issue.histories().stream().map(JiraHistory::id).toList();
        return jdbi.withHandle(h -> h.createQuery("""
                        select issue_key from warehouse.jira_issue_transitions
                         where integration_id = cast(:integration as uuid) and history_id = any(:histories)""")
                .bind("integration", integrationId).bindArray("histories", Long.class, histories)
                .mapTo(String.class).list());
    }

    private static List<String> rawExternalIds() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select external_id from etl.raw_extraction_data
                         where integration_id = cast(:integration as uuid) and entity_type = 'jira_issues'""")
                .bind("integration", integrationId).mapTo(String.class).list());
    }

    /** Every column of every issue and transition row, as JSON text. */
    private static List<String> warehouseRows() {
        return jdbi.withHandle(h -> {
            List<String> rows = new ArrayList<>(h.createQuery("""
                            select to_jsonb(t)::text from warehouse.jira_issues t
                             where integration_id = cast(:integration as uuid) order by jira_id""")
                    .bind("integration", integrationId).mapTo(String.class).list());
            rows.addAll(h.createQuery("""
                            select to_jsonb(t)::text from warehouse.jira_issue_transitions t
                             where integration_id = cast(:integration as uuid) order by history_id""")
                    .bind("integration", integrationId).mapTo(String.class).list());
            return rows;
        });
    }

}
