package io.etlfleet.transform.github;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.RowBatch;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Loads {@code github_pull_requests} raw objects into {@code warehouse.github_pull_requests} with one upsert per batch. */
public class GithubPullRequestLoader implements EntityLoader {

    @Override
    public String entityType() {
        return "github_pull_requests";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        return RowBatch.map(rows, GithubPullRequestRow::from, row -> row.repository() + "#" + row.number())
                .upsert(handle, """
                        insert into warehouse.github_pull_requests as t
                               (tenant_id, integration_id, repository, number, github_id, title, state, draft, body,
                                author_login, base_ref, head_ref, head_sha, head_repository, merge_commit_sha, labels,
                                assignees, requested_reviewers, created_at, closed_at, merged_at, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.repository, r.number, r.github_id, r.title, r.state, r.draft,
                               r.body, r.author_login, r.base_ref, r.head_ref, r.head_sha, r.head_repository,
                               r.merge_commit_sha, coalesce(r.labels, '{}'), coalesce(r.assignees, '{}'),
                               coalesce(r.requested_reviewers, '{}'), r.created_at, r.closed_at, r.merged_at,
                               r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               repository text, number integer, github_id bigint, title text, state text, draft boolean,
                               body text, author_login text, base_ref text, head_ref text, head_sha text,
                               head_repository text, merge_commit_sha text, labels text[], assignees text[],
                               requested_reviewers text[], created_at timestamptz, closed_at timestamptz,
                               merged_at timestamptz, source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, repository, number) do update
                           set github_id = excluded.github_id, title = excluded.title, state = excluded.state,
                               draft = excluded.draft, body = excluded.body, author_login = excluded.author_login,
                               base_ref = excluded.base_ref, head_ref = excluded.head_ref, head_sha = excluded.head_sha,
                               head_repository = excluded.head_repository, merge_commit_sha = excluded.merge_commit_sha,
                               labels = excluded.labels, assignees = excluded.assignees,
                               requested_reviewers = excluded.requested_reviewers, created_at = excluded.created_at,
                               closed_at = excluded.closed_at, merged_at = excluded.merged_at,
                               source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()
                         where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""");
    }
}
