-- Concurrency changed at run time. A worker applies, per integration type, the first of:
-- its own desired value (PUT /workers/{id}/concurrency), the fleet-wide desired value of
-- its kind and type (PUT /worker-types/{kind}/{type}/concurrency), its configured value.
-- workers.concurrency is what the worker has applied.
alter table etl.workers add column desired_concurrency jsonb not null default '{}';

create table etl.worker_type_concurrency (
    kind         text not null check (kind in ('extract', 'transform')),
    type         text not null,
    concurrency  integer not null check (concurrency between 1 and 64),
    updated_at   timestamptz not null default now(),
    primary key (kind, type)
);

-- Counting an integration's running extract jobs (the fairness cap) on every claim.
create index etl_jobs_running_by_integration on etl.etl_jobs (integration_id) where status = 'running';
