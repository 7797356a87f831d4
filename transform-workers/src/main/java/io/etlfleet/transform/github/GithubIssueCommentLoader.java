package io.etlfleet.transform.github;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.RowBatch;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Loads {@code github_issue_comments} raw objects into {@code warehouse.github_issue_comments}
 * with one upsert per batch. Comments on pull requests' conversations are issue comments too.
 */
public class GithubIssueCommentLoader implements EntityLoader {

    @Override
    public String entityType() {
        return "github_issue_comments";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        return RowBatch.map(rows, GithubIssueCommentRow::from, GithubIssueCommentRow::comment_id)
                .upsert(handle, """
                        insert into warehouse.github_issue_comments as t
                               (tenant_id, integration_id, comment_id, repository, issue_number, author_login,
                                author_association, body, created_at, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.comment_id, r.repository, r.issue_number, r.author_login,
                               r.author_association, r.body, r.created_at, r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               comment_id bigint, repository text, issue_number integer, author_login text,
                               author_association text, body text, created_at timestamptz,
                               source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, comment_id) do update
                           set repository = excluded.repository, issue_number = excluded.issue_number,
                               author_login = excluded.author_login, author_association = excluded.author_association,
                               body = excluded.body, created_at = excluded.created_at,
                               source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()
                         where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""");
    }
}
