package io.etlfleet.transform.jira;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.transform.loading.WarehouseJson;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Loads {@code jira_issues} raw objects into {@code warehouse.jira_issues} and their status
 * changes into {@code warehouse.jira_issue_transitions}, in the caller's transaction with one
 * statement per table. Issues are keyed by their Jira id, so an issue moved to another project
 * stays one row, under its new key; a row is replaced only by a newer version (source_updated_at,
 * raw_id). Transitions are keyed by their changelog history id: a history never changes, so a
 * replay or an older version adds nothing, and a newer version only moves the row to the
 * issue's new key after a move.
 */
public class JiraIssueLoader implements EntityLoader {

    private static final Logger log = LoggerFactory.getLogger(JiraIssueLoader.class);
    private static final Comparator<JiraIssueRow> NEWER = Comparator
            .comparing(JiraIssueRow::source_updated_at)
            .thenComparingLong(JiraIssueRow::raw_id);
    private static final Comparator<JiraTransitionRow> NEWER_TRANSITION = Comparator
            .comparing(JiraTransitionRow::source_updated_at)
            .thenComparingLong(JiraTransitionRow::raw_id);

    @Override
    public String entityType() {
        return "jira_issues";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        Map<Long, JiraIssueRow> newest = new LinkedHashMap<>();
        Map<Long, JiraTransitionRow> transitions = new LinkedHashMap<>();
        List<LoadResult.Rejected> rejected = new ArrayList<>();
        for (RawRow raw : rows) {
            try {
                JsonNode issue = JsonColumns.MAPPER.readTree(raw.rawJson());
                JiraIssueRow row = JiraIssueRow.from(raw, issue);
                // One statement cannot touch a key twice: keep the newest version of each issue and history.
                for (JiraTransitionRow transition : JiraTransitionRow.from(row.issue_key(), issue, row.source_updated_at(),
                        raw.id())) {
                    transitions.merge(transition.history_id(), transition, (a, b) -> NEWER_TRANSITION.compare(a, b) >= 0 ? a : b);
                }
                newest.merge(row.jira_id(), row, (a, b) -> NEWER.compare(a, b) >= 0 ? a : b);
            } catch (IllegalArgumentException e) {
                rejected.add(new LoadResult.Rejected(raw.id(), raw.externalId(), e.getMessage()));
            }
        }
        if (newest.isEmpty()) {
            return new LoadResult(0, 0, 0, rejected);
        }
        int upserted = upsertIssues(handle, rows.get(0), newest.values());
        int inserted = transitions.isEmpty() ? 0 : upsertTransitions(handle, rows.get(0), transitions.values());
        log.debug("jira issues: {} upserted, {} new status transitions", upserted, inserted);
        return new LoadResult(upserted, newest.size() - upserted, 0, rejected);
    }

    private static int upsertIssues(Handle handle, RawRow first, Collection<JiraIssueRow> rows) {
        return handle.createUpdate("""
                        insert into warehouse.jira_issues as t
                               (tenant_id, integration_id, issue_key, jira_id, project_key, summary, status, issue_type,
                                assignee, reporter, priority, labels, description, created_at, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.issue_key, r.jira_id, r.project_key, r.summary, r.status,
                               r.issue_type, r.assignee, r.reporter, r.priority, coalesce(r.labels, '{}'), r.description,
                               r.created_at, r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               issue_key text, jira_id bigint, project_key text, summary text, status text,
                               issue_type text, assignee text, reporter text, priority text, labels text[],
                               description text, created_at timestamptz, source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, jira_id) do update
                           set issue_key = excluded.issue_key, project_key = excluded.project_key, summary = excluded.summary,
                               status = excluded.status, issue_type = excluded.issue_type, assignee = excluded.assignee,
                               reporter = excluded.reporter, priority = excluded.priority, labels = excluded.labels,
                               description = excluded.description, created_at = excluded.created_at,
                               source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()
                         where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""")
                .bind("tenantId", first.tenantId())
                .bind("integrationId", first.integrationId())
                .bind("rows", WarehouseJson.write(rows))
                .execute();
    }

    private static int upsertTransitions(Handle handle, RawRow first, Collection<JiraTransitionRow> rows) {
        return handle.createUpdate("""
                        insert into warehouse.jira_issue_transitions as t
                               (tenant_id, integration_id, issue_key, history_id, from_status, to_status, changed_at,
                                author, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.issue_key, r.history_id, r.from_status, r.to_status,
                               r.changed_at, r.author, r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               issue_key text, history_id bigint, from_status text, to_status text,
                               changed_at timestamptz, author text, source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, history_id) do update
                           set issue_key = excluded.issue_key, source_updated_at = excluded.source_updated_at,
                               raw_id = excluded.raw_id, loaded_at = now()
                         where t.issue_key <> excluded.issue_key
                           and (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""")
                .bind("tenantId", first.tenantId())
                .bind("integrationId", first.integrationId())
                .bind("rows", WarehouseJson.write(rows))
                .execute();
    }
}
