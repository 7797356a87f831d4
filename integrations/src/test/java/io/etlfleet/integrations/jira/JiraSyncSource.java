package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.sample.SampleSource;
import io.etlfleet.sample.SampleSourceOptions;
import io.etlfleet.sample.jira.JiraIssue;
import io.etlfleet.sample.jira.JiraSample;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The sample source's Jira for sync tests of one deployment: runs of the connector and what they should have read. */
final class JiraSyncSource implements AutoCloseable {

    /** A run ending by itself within this many pages proves its paging terminates. */
    static final int PAGE_LIMIT = 200;

    final SampleSource source = SampleSource.start(SampleSourceOptions.builder().build());
    final JiraSample jira = source.jira();
    private final String deployment;

    JiraSyncSource(String deployment) {
        this.deployment = deployment;
        jira.addProject("WID", "Widgets").addProject("OPS", "Operations");
    }

    /** A run of {@code jira_issues} of {@code project}, stopped after {@code pages} pages at most. */
    RecordingSink run(String project, int pageSize, SyncMode mode, Map<String, String> cursor, Map<String, String> resume,
            Instant startedAt, int pages) {
        RecordingSink sink = RecordingSink.stoppingAfter(pages);
        String base = deployment.equals("cloud") ? source.jiraCloudBaseUrl() : source.jiraDataCenterBaseUrl();
        try (Connector connector = JiraFixtures.connector(JiraFixtures.config(base, deployment, pageSize, project))) {
            connector.extract(new ExtractRequest("jira_issues", project, mode, cursor, resume, startedAt), sink);
        }
        return sink;
    }

    RecordingSink fullRun(String project, int pageSize, Instant startedAt) {
        return run(project, pageSize, SyncMode.FULL, Map.of(), Map.of(), startedAt, PAGE_LIMIT);
    }

    RecordingSink incrementalRun(String project, int pageSize, Map<String, String> cursor, Instant startedAt) {
        return run(project, pageSize, SyncMode.INCREMENTAL, cursor, Map.of(), startedAt, PAGE_LIMIT);
    }

    long searchRequests() {
        return source.requests().count(deployment.equals("cloud") ? "/jira/rest/api/3/search/jql" : "/jira-dc/rest/api/2/search");
    }

    Set<String> keys(String project) {
        return jira.issues(project).stream().map(JiraIssue::key).collect(Collectors.toSet());
    }

    /** {@code KEY@updated} of every issue the project holds now: what the runs together must have emitted. */
    Set<String> versions(String project) {
        return jira.issues(project).stream().map(issue -> issue.key() + "@" + issue.updated()).collect(Collectors.toSet());
    }

    /** {@code KEY@updated} of every record the runs emitted. */
    static Set<String> versions(RecordingSink... runs) {
        return Stream.of(runs).flatMap(run -> run.records().stream())
                .map(record -> record.externalId() + "@" + record.updatedAt()).collect(Collectors.toSet());
    }

    static Set<String> keys(RecordingSink... runs) {
        Set<String> keys = new HashSet<>();
        for (RecordingSink run : runs) {
            keys.addAll(run.externalIds());
        }
        return keys;
    }

    static List<String> ids(RecordingSink run) {
        return run.records().stream().map(SourceRecord::data).map(issue -> issue.path("id").asString()).toList();
    }

    @Override
    public void close() {
        source.close();
    }
}
