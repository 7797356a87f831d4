-- Schedules: when they were last changed, and what each firing did. A firing is recorded
-- once per schedule and due time (the unique key), so two API instances can never both
-- fire the same due run, even if their row locks were bypassed.
alter table etl.schedules add column updated_at timestamptz not null default now();
create index schedules_integration on etl.schedules (integration_id);

create table etl.schedule_runs (
    id                bigint generated always as identity primary key,
    schedule_id       uuid not null references etl.schedules (id) on delete cascade,
    due_at            timestamptz not null,
    fired_at          timestamptz not null default now(),
    fired_by          text not null,
    outcome           text not null check (outcome in ('enqueued', 'skipped')),
    job_ids           uuid[] not null default '{}',
    skipped_entities  text[] not null default '{}',
    reason            text,
    unique (schedule_id, due_at)
);
create index schedule_runs_schedule on etl.schedule_runs (schedule_id, fired_at desc);

-- Active extract runs per integration and entity, which a schedule waits for.
create index etl_jobs_active_extract on etl.etl_jobs (integration_id, entity_type)
    where kind = 'extract' and status in ('queued', 'running', 'retrying');

-- Retention finds transformed raw rows by age.
create index raw_transformed_age on etl.raw_extraction_data (extracted_at) where transformed_at is not null;
