-- Job timeline: one row per status a job entered. Written by triggers on etl.etl_jobs, so
-- every status change, whichever statement makes it, is recorded in the same transaction.
create table etl.job_events (
    id         bigint generated always as identity primary key,
    job_id     uuid not null references etl.etl_jobs (id) on delete cascade,
    at         timestamptz not null default now(),
    status     text not null,
    message    text
);
create index job_events_job on etl.job_events (job_id, id);

create function etl.record_job_status() returns trigger
    language plpgsql as $$
begin
    insert into etl.job_events (job_id, status, message)
    values (new.id, new.status,
            case
                when tg_op = 'INSERT' then new.kind || ' job created'
                when new.status in ('failed', 'dead', 'retrying', 'cancelled') then new.error
                when new.status = 'queued' and old.status = 'running' then
                    coalesce(new.error, 'handed back to the queue')
                when new.status = 'queued' and old.status = 'dead' then 'replayed from its dead-letter queue'
                when new.status = 'running' then 'claimed by ' || coalesce(new.worker_id, 'a worker')
                else null
            end);
    return null;
end $$;

create trigger etl_jobs_status_inserted after insert on etl.etl_jobs
    for each row execute function etl.record_job_status();
create trigger etl_jobs_status_changed after update of status on etl.etl_jobs
    for each row when (old.status is distinct from new.status) execute function etl.record_job_status();

-- A running job asked to stop: the extract worker checks this at each page boundary and
-- moves the job to cancelled.
alter table etl.etl_jobs add column cancel_requested_at timestamptz;

-- Deleted integrations stay as rows (jobs, raw data and other tables refer to them) but
-- are invisible to the API and to workers; their names may be reused.
alter table etl.integrations add column deleted_at timestamptz;
alter table etl.integrations drop constraint integrations_tenant_id_name_key;
create unique index integrations_tenant_name on etl.integrations (tenant_id, name) where deleted_at is null;

-- Keyset paging of raw data within a tenant, newest first.
create index raw_tenant_id_desc on etl.raw_extraction_data (tenant_id, id desc);
