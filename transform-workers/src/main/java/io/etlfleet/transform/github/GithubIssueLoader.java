package io.etlfleet.transform.github;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.SqlMappedLoader;
import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.RowBatch;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Loads {@code github_issues} raw objects into {@code warehouse.github_issues} with one
 * upsert per batch. Pull requests, which GitHub's issue listing also returns, are skipped. A
 * batch's well-formed objects are mapped in SQL ({@link GithubIssueSql}), the rest here.
 */
public class GithubIssueLoader implements SqlMappedLoader {

    @Override
    public String entityType() {
        return "github_issues";
    }

    @Override
    public SqlLoad loadInSql(Handle handle, UUID batchId) {
        return GithubIssueSql.load(handle, batchId);
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        return RowBatch.<GithubIssueRow>map(rows,
                        (raw, issue) -> issue.has("pull_request") ? null : GithubIssueRow.from(raw, issue),
                        row -> row.repository() + "#" + row.number())
                .upsert(handle, """
                        insert into warehouse.github_issues as t
                               (tenant_id, integration_id, repository, number, github_id, title, state, body, author_login,
                                labels, assignees, comments, created_at, closed_at, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.repository, r.number, r.github_id, r.title, r.state, r.body,
                               r.author_login, coalesce(r.labels, '{}'), coalesce(r.assignees, '{}'), r.comments,
                               r.created_at, r.closed_at, r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               repository text, number integer, github_id bigint, title text, state text, body text,
                               author_login text, labels text[], assignees text[], comments integer,
                               created_at timestamptz, closed_at timestamptz, source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, repository, number) do update
                           set github_id = excluded.github_id, title = excluded.title, state = excluded.state,
                               body = excluded.body, author_login = excluded.author_login, labels = excluded.labels,
                               assignees = excluded.assignees, comments = excluded.comments,
                               created_at = excluded.created_at, closed_at = excluded.closed_at,
                               source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()
                         where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""");
    }
}
