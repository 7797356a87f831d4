package io.etlfleet.transform.jira;

import static io.etlfleet.transform.jira.JiraFields.number;
import static io.etlfleet.transform.jira.JiraFields.required;
import static io.etlfleet.transform.jira.JiraFields.text;
import static io.etlfleet.transform.jira.JiraFields.user;

import io.etlfleet.storage.JsonColumns;
import io.etlfleet.transform.loading.WarehouseJson;
import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * Loads {@code jira_projects} into {@code warehouse.jira_projects}. Jira projects have no
 * last-modified time, so the later raw row (higher raw id) wins.
 */
public class JiraProjectLoader implements EntityLoader {

    @SuppressWarnings("checkstyle:RecordComponentName")
    record Row(String project_key, long jira_id, String name, String project_type, String lead, long raw_id) {
    }

    @Override
    public String entityType() {
        return "jira_projects";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        Map<String, Row> newest = new LinkedHashMap<>();
        List<LoadResult.Rejected> rejected = new ArrayList<>();
        for (RawRow raw : rows) {
            try {
                JsonNode project = JsonColumns.MAPPER.readTree(raw.rawJson());
                Row row = new Row(required(project, "key", "project").asString(),
                        number(required(project, "id", "project"), "id"),
                        required(project, "name", "project").asString(),
                        text(project.path("projectTypeKey")), user(project.path("lead")), raw.id());
                newest.merge(row.project_key(), row, (a, b) -> a.raw_id() >= b.raw_id() ? a : b);
            } catch (IllegalArgumentException e) {
                rejected.add(new LoadResult.Rejected(raw.id(), raw.externalId(), e.getMessage()));
            }
        }
        if (newest.isEmpty()) {
            return new LoadResult(0, 0, 0, rejected);
        }
        int upserted = handle.createUpdate("""
                        insert into warehouse.jira_projects as t
                               (tenant_id, integration_id, project_key, jira_id, name, project_type, lead,
                                source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.project_key, r.jira_id, r.name, r.project_type, r.lead,
                               (select x.extracted_at from etl.raw_extraction_data x where x.id = r.raw_id), r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               project_key text, jira_id bigint, name text, project_type text, lead text, raw_id bigint)
                        on conflict (integration_id, project_key) do update
                           set jira_id = excluded.jira_id, name = excluded.name, project_type = excluded.project_type,
                               lead = excluded.lead, source_updated_at = excluded.source_updated_at,
                               raw_id = excluded.raw_id, loaded_at = now()
                         where t.raw_id < excluded.raw_id""")
                .bind("tenantId", rows.get(0).tenantId())
                .bind("integrationId", rows.get(0).integrationId())
                .bind("rows", WarehouseJson.write(newest.values()))
                .execute();
        return new LoadResult(upserted, newest.size() - upserted, 0, rejected);
    }
}
