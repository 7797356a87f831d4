package io.etlfleet.transform.jira;

import static io.etlfleet.transform.jira.JiraFields.required;
import static io.etlfleet.transform.jira.JiraFields.text;

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
 * Loads {@code jira_statuses} into {@code warehouse.jira_statuses}, keyed by status id with
 * its category ({@code new}, {@code indeterminate}, {@code done}). The later raw row wins.
 */
public class JiraStatusLoader implements EntityLoader {

    @SuppressWarnings("checkstyle:RecordComponentName")
    record Row(String status_id, String name, String category_key, String category_name, long raw_id) {
    }

    @Override
    public String entityType() {
        return "jira_statuses";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        Map<String, Row> newest = new LinkedHashMap<>();
        List<LoadResult.Rejected> rejected = new ArrayList<>();
        for (RawRow raw : rows) {
            try {
                JsonNode status = JsonColumns.MAPPER.readTree(raw.rawJson());
                JsonNode category = status.path("statusCategory");
                Row row = new Row(required(status, "id", "status").asString(), required(status, "name", "status").asString(),
                        text(category.path("key")), text(category.path("name")), raw.id());
                newest.merge(row.status_id(), row, (a, b) -> a.raw_id() >= b.raw_id() ? a : b);
            } catch (IllegalArgumentException e) {
                rejected.add(new LoadResult.Rejected(raw.id(), raw.externalId(), e.getMessage()));
            }
        }
        if (newest.isEmpty()) {
            return new LoadResult(0, 0, 0, rejected);
        }
        int upserted = handle.createUpdate("""
                        insert into warehouse.jira_statuses as t
                               (tenant_id, integration_id, status_id, name, category_key, category_name, source_updated_at,
                                raw_id)
                        select :tenantId, :integrationId, r.status_id, r.name, r.category_key, r.category_name,
                               (select x.extracted_at from etl.raw_extraction_data x where x.id = r.raw_id), r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               status_id text, name text, category_key text, category_name text, raw_id bigint)
                        on conflict (integration_id, status_id) do update
                           set name = excluded.name, category_key = excluded.category_key,
                               category_name = excluded.category_name, source_updated_at = excluded.source_updated_at,
                               raw_id = excluded.raw_id, loaded_at = now()
                         where t.raw_id < excluded.raw_id""")
                .bind("tenantId", rows.get(0).tenantId())
                .bind("integrationId", rows.get(0).integrationId())
                .bind("rows", WarehouseJson.write(newest.values()))
                .execute();
        return new LoadResult(upserted, newest.size() - upserted, 0, rejected);
    }
}
