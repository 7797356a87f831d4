package io.etlfleet.transform.github;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.RowBatch;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Loads {@code github_commits} raw objects into {@code warehouse.github_commits} with one
 * upsert per batch. A commit's git data never changes, but GitHub's view of it can (an
 * author's account linked later, a signature verified), so a later raw version of the same
 * sha replaces the row; its source version is the committer date, then the raw id.
 */
public class GithubCommitLoader implements EntityLoader {

    @Override
    public String entityType() {
        return "github_commits";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        return RowBatch.map(rows, GithubCommitRow::from, row -> row.repository() + "@" + row.sha())
                .upsert(handle, """
                        insert into warehouse.github_commits as t
                               (tenant_id, integration_id, repository, sha, message, author_name, author_email,
                                author_date, author_login, committer_name, committer_email, committer_date,
                                committer_login, parent_shas, verified, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.repository, r.sha, r.message, r.author_name, r.author_email,
                               r.author_date, r.author_login, r.committer_name, r.committer_email, r.committer_date,
                               r.committer_login, coalesce(r.parent_shas, '{}'), r.verified, r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               repository text, sha text, message text, author_name text, author_email text,
                               author_date timestamptz, author_login text, committer_name text, committer_email text,
                               committer_date timestamptz, committer_login text, parent_shas text[], verified boolean,
                               source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, repository, sha) do update
                           set message = excluded.message, author_name = excluded.author_name,
                               author_email = excluded.author_email, author_date = excluded.author_date,
                               author_login = excluded.author_login, committer_name = excluded.committer_name,
                               committer_email = excluded.committer_email, committer_date = excluded.committer_date,
                               committer_login = excluded.committer_login, parent_shas = excluded.parent_shas,
                               verified = excluded.verified, source_updated_at = excluded.source_updated_at,
                               raw_id = excluded.raw_id, loaded_at = now()
                         where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""");
    }
}
