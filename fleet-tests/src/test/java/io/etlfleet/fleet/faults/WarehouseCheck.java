package io.etlfleet.fleet.faults;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Compares the tenant's warehouse tables with the fake source's data, per entity. */
final class WarehouseCheck {

    private WarehouseCheck() {
    }

    static List<EntityComparison> compare(Jdbi jdbi, UUID tenantId, FaultSource source) {
        return List.of(
                EntityComparison.of("github_issues", source.githubIssues(), rows(jdbi, tenantId, """
                        select repository || '#' || number,
                               title || '|' || state || '|' || floor(extract(epoch from source_updated_at))::bigint
                          from warehouse.github_issues where tenant_id = :tenant""")),
                EntityComparison.of("jira_issues", source.jiraIssues(), rows(jdbi, tenantId, """
                        select issue_key,
                               summary || '|' || status || '|' || round(extract(epoch from source_updated_at) * 1000)::bigint
                          from warehouse.jira_issues where tenant_id = :tenant""")),
                EntityComparison.of("jira_issue_transitions", source.jiraTransitions(), rows(jdbi, tenantId, """
                        select issue_key || '/' || history_id, to_status
                          from warehouse.jira_issue_transitions where tenant_id = :tenant""")));
    }

    private static List<String[]> rows(Jdbi jdbi, UUID tenantId, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("tenant", tenantId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list());
    }
}
