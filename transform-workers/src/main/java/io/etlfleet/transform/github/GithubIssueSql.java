package io.etlfleet.transform.github;

import io.etlfleet.transform.loading.LoadResult;
import io.etlfleet.transform.loading.SqlMappedLoader.SqlLoad;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * {@code github_issues} mapped in SQL: the same columns {@link GithubIssueRow#from} produces, for
 * the objects of a batch that pass {@link #WELL_FORMED}, the SQL twin of that method's checks
 * (integral number and id, non-blank title and state, ISO-8601 UTC timestamps, arrays where
 * arrays belong), and that are not stored in the lossless form. The newest version of each
 * issue in the batch is upserted, and never over a newer one already loaded.
 *
 * <p>Each object is decompressed once: {@code raw_data || '{}'} (an object unchanged) yields the
 * detoasted value, and {@code offset 0} keeps the planner from substituting the expression into
 * each of the three dozen field accesses below, every one of which would otherwise decompress the
 * stored value again. A raw object that is not a JSON object gets no {@code d} and takes the
 * Java mapping.
 */
final class GithubIssueSql {

    static final String TIMESTAMP = "'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$'";

    static final String WELL_FORMED = """
            r.extraction_metadata->'lossless' is null
            and r.external_id ~ '^.+#'
            and jsonb_typeof(d->'number') = 'number' and d->>'number' ~ '^-?\\d{1,9}$'
            and jsonb_typeof(d->'id') = 'number' and d->>'id' ~ '^-?\\d{1,18}$'
            and jsonb_typeof(d->'title') = 'string' and d->>'title' ~ '[^[:space:][:cntrl:]]'
            and jsonb_typeof(d->'state') = 'string' and d->>'state' ~ '[^[:space:][:cntrl:]]'
            and jsonb_typeof(d->'created_at') = 'string' and d->>'created_at' ~ %1$s
            and jsonb_typeof(d->'updated_at') = 'string' and d->>'updated_at' ~ %1$s
            and (jsonb_typeof(d->'closed_at') is distinct from 'string' or d->>'closed_at' ~ %1$s)
            and coalesce(jsonb_typeof(d->'labels'), 'null') in ('array', 'null')
            and coalesce(jsonb_typeof(d->'assignees'), 'null') in ('array', 'null')
            and (coalesce(jsonb_typeof(d->'comments'), 'null') = 'null'
                 or jsonb_typeof(d->'comments') = 'number' and d->>'comments' ~ '^\\d{1,9}$')""".formatted(TIMESTAMP);

    private static final String STATEMENT = """
            with src as (
                select r.id as raw_id, r.tenant_id, r.integration_id, r.external_id, r.d
                  from (select *, case jsonb_typeof(raw_data) when 'object' then raw_data || '{}' end as d
                          from etl.raw_extraction_data where batch_id = :batchId offset 0) r
                 where %s
            ), issues as (
                select distinct on (repository, number) *
                  from (select s.*, regexp_replace(s.external_id, '#[^#]*$', '') as repository,
                               (d->>'number')::integer as number, (d->>'updated_at')::timestamptz as source_updated_at
                          from src s where not jsonb_exists(d, 'pull_request')) i
                 order by repository, number, source_updated_at desc, raw_id desc
            ), up as (
                insert into warehouse.github_issues as t
                       (tenant_id, integration_id, repository, number, github_id, title, state, body, author_login,
                        labels, assignees, comments, created_at, closed_at, source_updated_at, raw_id)
                select tenant_id, integration_id, repository, number, (d->>'id')::bigint, d->>'title', d->>'state',
                       case when jsonb_typeof(d->'body') = 'string' then d->>'body' end,
                       case when jsonb_typeof(d->'user'->'login') = 'string' then d->'user'->>'login' end,
                       array(select l.v->>'name' from jsonb_array_elements(coalesce(nullif(d->'labels', 'null'), '[]'))
                                  with ordinality as l(v, n)
                              where jsonb_typeof(l.v->'name') = 'string' order by l.n),
                       array(select a.v->>'login' from jsonb_array_elements(coalesce(nullif(d->'assignees', 'null'), '[]'))
                                  with ordinality as a(v, n)
                              where jsonb_typeof(a.v->'login') = 'string' order by a.n),
                       coalesce((case when jsonb_typeof(d->'comments') = 'number' then d->>'comments' end)::integer, 0),
                       (d->>'created_at')::timestamptz,
                       case when jsonb_typeof(d->'closed_at') = 'string' then (d->>'closed_at')::timestamptz end,
                       source_updated_at, raw_id
                  from issues
                on conflict (integration_id, repository, number) do update
                   set github_id = excluded.github_id, title = excluded.title, state = excluded.state,
                       body = excluded.body, author_login = excluded.author_login, labels = excluded.labels,
                       assignees = excluded.assignees, comments = excluded.comments,
                       created_at = excluded.created_at, closed_at = excluded.closed_at,
                       source_updated_at = excluded.source_updated_at, raw_id = excluded.raw_id, loaded_at = now()
                 where (t.source_updated_at, t.raw_id) < (excluded.source_updated_at, excluded.raw_id)
                returning 1
            )
            select coalesce((select array_agg(raw_id order by raw_id) from src), '{}') as handled,
                   (select count(*) from etl.raw_extraction_data where batch_id = :batchId) as batch_size,
                   (select count(*) from src where jsonb_exists(d, 'pull_request')) as skipped,
                   (select count(*) from issues) as candidates,
                   (select count(*) from up) as upserted""".formatted(WELL_FORMED);

    private GithubIssueSql() {
    }

    static SqlLoad load(Handle handle, UUID batchId) {
        return handle.createQuery(STATEMENT)
                .bind("batchId", batchId)
                .map((rs, ctx) -> {
                    List<Long> handled = Arrays.asList((Long[]) rs.getArray("handled").getArray());
                    int upserted = rs.getInt("upserted");
                    return new SqlLoad(new LoadResult(upserted, rs.getInt("candidates") - upserted, rs.getInt("skipped"),
                            List.of()), handled, rs.getInt("batch_size"));
                })
                .one();
    }
}
