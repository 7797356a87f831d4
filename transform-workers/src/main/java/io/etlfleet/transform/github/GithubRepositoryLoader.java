package io.etlfleet.transform.github;

import io.etlfleet.storage.raw.RawRow;
import io.etlfleet.transform.loading.EntityLoader;
import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.RowBatch;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Loads {@code github_repositories} raw objects into {@code warehouse.github_repositories}
 * with one upsert per batch, keyed by GitHub's repository id so a rename or transfer updates
 * the row ({@code full_name}) instead of adding one.
 */
public class GithubRepositoryLoader implements EntityLoader {

    @Override
    public String entityType() {
        return "github_repositories";
    }

    @Override
    public LoadResult load(Handle handle, List<RawRow> rows) {
        return RowBatch.map(rows, GithubRepositoryRow::from, GithubRepositoryRow::github_id)
                .upsert(handle, """
                        insert into warehouse.github_repositories as t
                               (tenant_id, integration_id, github_id, full_name, owner_login, name, private, visibility,
                                description, fork, archived, default_branch, language, topics, stargazers_count,
                                forks_count, open_issues_count, created_at, pushed_at, source_updated_at, raw_id)
                        select :tenantId, :integrationId, r.github_id, r.full_name, r.owner_login, r.name, r.private_,
                               r.visibility, r.description, r.fork, r.archived, r.default_branch, r.language,
                               coalesce(r.topics, '{}'), r.stargazers_count, r.forks_count, r.open_issues_count,
                               r.created_at, r.pushed_at, r.source_updated_at, r.raw_id
                          from jsonb_to_recordset(cast(:rows as jsonb)) as r(
                               github_id bigint, full_name text, owner_login text, name text, private_ boolean,
                               visibility text, description text, fork boolean, archived boolean, default_branch text,
                               language text, topics text[], stargazers_count integer, forks_count integer,
                               open_issues_count integer, created_at timestamptz, pushed_at timestamptz,
                               source_updated_at timestamptz, raw_id bigint)
                        on conflict (integration_id, github_id) do update
                           set full_name = excluded.full_name, owner_login = excluded.owner_login, name = excluded.name,
                               private = excluded.private, visibility = excluded.visibility,
                               description = excluded.description, fork = excluded.fork, archived = excluded.archived,
                               default_branch = excluded.default_branch, language = excluded.language,
                               topics = excluded.topics, stargazers_count = excluded.stargazers_count,
                               forks_count = excluded.forks_count, open_issues_count = excluded.open_issues_count,
                               created_at = excluded.created_at, pushed_at = excluded.pushed_at,
                               source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()
                         where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)""");
    }
}
